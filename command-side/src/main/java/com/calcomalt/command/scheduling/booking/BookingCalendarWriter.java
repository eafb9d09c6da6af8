package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.calendar.CalendarLookups;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns booking events into calendar writes. It only records that a booking changed and asks for
 * one {@link BookingCalendarTask} run per booking uid, due now; the task reads the booking as it
 * is then and makes the destination calendar agree, so a burst of changes costs one write. A
 * reschedule is two bookings here as in cal.com: the old one is cancelled (its event deleted) and
 * the new one is accepted (its event created). It runs apart from the projections and refuses
 * replays, so rebuilding the read side never writes to a calendar.
 */
@Component
@DisallowReplay
@ProcessingGroup(BookingCalendarWriter.PROCESSING_GROUP)
class BookingCalendarWriter {

    static final String PROCESSING_GROUP = "calendar-writer";

    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final CalendarLookups lookups;

    BookingCalendarWriter(JdbcTemplate jdbc, SchedulerClient scheduler, CalendarLookups lookups) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.lookups = lookups;
    }

    @EventHandler
    void on(BookingRequested event) {
        if (event.status() == BookingStatus.accepted && hasDestination(event.eventTypeId(), event.userId())) {
            wanted(event.uid(), event.createdAt());
        }
    }

    @EventHandler
    void on(BookingConfirmed event) {
        accepted(event.uid(), event.updatedAt());
    }

    /** A paid booking that its payment accepted gets its event like one the host confirmed. */
    @EventHandler
    void on(BookingPaid event) {
        if (event.status() == BookingStatus.accepted) {
            accepted(event.uid(), event.updatedAt());
        }
    }

    /** A pending booking was accepted later, by its host or by its payment. */
    private void accepted(String uid, Instant at) {
        var booking = jdbc.query("select event_type_id, user_id from command_side.bookings where uid = ?",
                (rs, i) -> new Integer[] {(Integer) rs.getObject(1), (Integer) rs.getObject(2)}, uid);
        if (!booking.isEmpty() && hasDestination(booking.get(0)[0], booking.get(0)[1])) {
            wanted(uid, at);
        }
    }

    /** Most hosts connect no calendar: their bookings cost no row and no task here. */
    private boolean hasDestination(Integer eventTypeId, Integer organizer) {
        return organizer != null && lookups.destination(eventTypeId, organizer).isPresent();
    }

    @EventHandler
    void on(BookingCancelled event) {
        changed(event.uid(), event.updatedAt());
    }

    @EventHandler
    void on(BookingDeclined event) {
        changed(event.uid(), event.updatedAt());
    }

    @EventHandler
    void on(BookingRescheduled event) {
        changed(event.uid(), event.updatedAt());
    }

    /** An accepted booking: its event should exist, whether or not one was asked for before. */
    private void wanted(String uid, Instant at) {
        jdbc.update("""
                insert into calendar.booking_events (booking_uid, status, requested, updated_at)
                values (?, 'PENDING', 1, ?)
                on conflict (booking_uid) do update set requested = calendar.booking_events.requested + 1,
                    updated_at = excluded.updated_at""", uid, at.atOffset(ZoneOffset.UTC));
        runNow(uid, at);
    }

    /** A booking that is no longer accepted: only one that was asked for can have an event to delete. */
    private void changed(String uid, Instant at) {
        if (jdbc.update("update calendar.booking_events set requested = requested + 1 where booking_uid = ?",
                uid) == 1) {
            runNow(uid, at);
        }
    }

    /**
     * The row update above holds the booking's row lock until this transaction commits; the task
     * takes the same lock before it lets its execution go, so a run that is executing now either
     * sees the bump and runs again, or is gone and this schedules a new one.
     */
    private void runNow(String uid, Instant at) {
        if (!scheduler.scheduleIfNotExists(BookingCalendarTask.instance(uid), at)) {
            TaskInstanceId id = TaskInstanceId.of(BookingCalendarTask.NAME, uid);
            boolean executing = scheduler.getScheduledExecution(id).map(e -> e.isPicked()).orElse(false);
            if (!executing) {
                scheduler.reschedule(id, at);
            }
        }
    }
}
