package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.query.projections.Rows;
import com.calcomalt.query.projections.Upsert;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Attendee} table: the people of a booking, a seat holder with their seat.
 * Runs after {@link BookingProjector} in its group, since an attendee points at its booking.
 */
@Component
@ProcessingGroup(BookingProjector.GROUP)
@Order(2)
class AttendeeProjector {

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    AttendeeProjector(EntityManager entityManager, JdbcTemplate jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BookingRequested event) {
        for (BookingAttendee attendee : event.attendees()) {
            write(event.bookingId(), attendee);
        }
        if (event.seat() != null) {
            write(event.bookingId(), event.seat().attendee());
        }
    }

    @EventHandler
    void on(BookingSeatBooked event) {
        write(event.bookingId(), event.seat().attendee());
    }

    /** The seat goes with its attendee, by cascade. */
    @EventHandler
    void on(BookingSeatCancelled event) {
        Rows.deleteNow(entityManager, AttendeeRow.class, event.attendeeId());
    }

    @EventHandler
    void on(BookingAbsenceMarked event) {
        for (AttendeeAbsence absence : event.attendees()) {
            Rows.existing(entityManager, AttendeeRow.class, absence.attendeeId()).noShow = absence.noShow();
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Attendee\"").executeUpdate();
    }

    /** Every booking writes at least one: one statement, no entity (see {@link Upsert}). */
    private void write(int bookingId, BookingAttendee attendee) {
        Upsert.into("Attendee")
                .set("id", attendee.attendeeId())
                .set("email", attendee.email())
                .set("name", attendee.name() == null ? "" : attendee.name())
                .set("timeZone", attendee.timeZone())
                .set("bookingId", bookingId)
                .set("locale", attendee.locale() == null ? "en" : attendee.locale())
                .set("phoneNumber", attendee.phoneNumber())
                .set("noShow", false)
                .execute(jdbc);
    }
}
