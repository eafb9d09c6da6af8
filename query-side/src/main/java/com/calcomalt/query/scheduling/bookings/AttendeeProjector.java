package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
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

    AttendeeProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
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

    private void write(int bookingId, BookingAttendee attendee) {
        Rows.write(entityManager, AttendeeRow.class, attendee.attendeeId(), AttendeeRow::new, row -> {
            row.id = attendee.attendeeId();
            row.email = attendee.email();
            row.name = attendee.name() == null ? "" : attendee.name();
            row.timeZone = attendee.timeZone();
            row.bookingId = bookingId;
            row.locale = attendee.locale() == null ? "en" : attendee.locale();
            row.phoneNumber = attendee.phoneNumber();
            row.noShow = false;
        });
    }
}
