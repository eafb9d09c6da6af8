package com.calcomalt.command.scheduling.booking;

import static com.calcomalt.platform.database.Timestamps.utc;

import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.rules.scheduling.BookingState;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rules that span bookings, claimed in the transaction that appends the event: a host's live
 * bookings never overlap, buffers included (an exclusion constraint), and a seated event type has
 * one booking per start. Also what round robin and seat bookers look up. Overlapping bookings imported as
 * they are keep their ranges, and every new booking is refused on each of them.
 */
@Component
@ProcessingGroup("identity-registry")
class BookingRegistry {

    private final JdbcTemplate jdbc;

    BookingRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BookingRequested event, @MetaDataValue(BookingRequested.IMPORTED_OVERLAP) String overlap) {
        try {
            jdbc.update("""
                    insert into command_side.bookings (uid, booking_id, event_type_id, user_id, status, start_time,
                                                       end_time, seated, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    event.uid(), event.bookingId(), event.eventTypeId(), event.userId(), event.status().name(),
                    utc(event.startTime()), utc(event.endTime()), event.seat() != null, utc(event.createdAt()));
        } catch (DuplicateKeyException e) {
            throw new SeatedSlotTaken(event.eventTypeId(), event.startTime().toString());
        }
        // An imported booking may be made already cancelled or rejected: it keeps no one busy.
        if (!BookingState.takingPlace(event.status())) {
            return;
        }
        var from = utc(event.startTime().minus(Duration.ofMinutes(event.beforeEventBuffer())));
        var to = utc(event.endTime().plus(Duration.ofMinutes(event.afterEventBuffer())));
        for (Integer host : event.hostIds()) {
            if ("true".equals(overlap)) {
                // A refused insert would end the import's transaction (there is no savepoint): a range the
                // constraint does not take is held apart instead.
                if (jdbc.update("""
                        insert into command_side.booked_times (booking_uid, user_id, during)
                        values (?, ?, tstzrange(?, ?)) on conflict do nothing""", event.uid(), host, from, to) == 0) {
                    jdbc.update("""
                            insert into command_side.booked_times (booking_uid, user_id, during, imported_overlap)
                            values (?, ?, tstzrange(?, ?), true)""", event.uid(), host, from, to);
                }
                continue;
            }
            // The ranges imported over others are outside the constraint: they are checked here.
            Boolean overImported = jdbc.queryForObject("""
                    select exists (select 1 from command_side.booked_times
                                   where imported_overlap and user_id = ? and during && tstzrange(?, ?))""",
                    Boolean.class, host, from, to);
            if (Boolean.TRUE.equals(overImported)) {
                throw new DomainConflict("The host is booked at " + event.startTime() + " already");
            }
            try {
                jdbc.update("insert into command_side.booked_times (booking_uid, user_id, during) values (?, ?, tstzrange(?, ?))",
                        event.uid(), host, from, to);
            } catch (DataIntegrityViolationException e) {
                throw new DomainConflict("The host is booked at " + event.startTime() + " already");
            }
        }
    }

    /** A booking that stops taking place frees its hosts' time. */
    @EventHandler
    void on(BookingChange event) {
        BookingState.statusSetBy(event).ifPresent(status -> {
            jdbc.update("update command_side.bookings set status = ? where uid = ?", status.name(), event.uid());
            if (!BookingState.takingPlace(status)) {
                jdbc.update("delete from command_side.booked_times where booking_uid = ?", event.uid());
            }
        });
    }

    /** Someone else opened the seated booking of this start first: the request joins it instead. */
    static class SeatedSlotTaken extends DomainConflict {

        SeatedSlotTaken(Integer eventTypeId, String start) {
            super("Event type " + eventTypeId + " has a booking at " + start + " already; its seats are booked");
        }
    }
}
