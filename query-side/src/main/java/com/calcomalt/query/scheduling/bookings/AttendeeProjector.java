package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.platform.deadletters.Batched;
import com.calcomalt.platform.deadletters.BatchedRows;
import com.calcomalt.platform.deadletters.Upsert;
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

    /** Attendee's rows held for the batch, written after the bookings they point at. */
    private static final BatchedRows.Table<AttendeeRow> TABLE = new BatchedRows.Table<>("\"Attendee\"", 2,
            AttendeeProjector::whole, AttendeeProjector::whole);

    private final EntityManager entityManager;
    private final BatchedRows rows;

    AttendeeProjector(EntityManager entityManager, BatchedRows rows) {
        this.entityManager = entityManager;
        this.rows = rows;
    }

    @EventHandler
    @Batched
    void on(BookingRequested event) {
        for (BookingAttendee attendee : event.attendees()) {
            rows.write(TABLE, attendee.attendeeId(), row(event.bookingId(), attendee));
        }
        if (event.seat() != null) {
            rows.write(TABLE, event.seat().attendee().attendeeId(), row(event.bookingId(), event.seat().attendee()));
        }
    }

    @EventHandler
    @Batched
    void on(BookingSeatBooked event) {
        rows.write(TABLE, event.seat().attendee().attendeeId(), row(event.bookingId(), event.seat().attendee()));
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

    private static AttendeeRow row(int bookingId, BookingAttendee attendee) {
        AttendeeRow row = new AttendeeRow();
        row.id = attendee.attendeeId();
        row.email = attendee.email();
        row.name = attendee.name() == null ? "" : attendee.name();
        row.timeZone = attendee.timeZone();
        row.bookingId = bookingId;
        row.locale = attendee.locale() == null ? "en" : attendee.locale();
        row.phoneNumber = attendee.phoneNumber();
        row.noShow = false;
        return row;
    }

    private static Upsert whole(AttendeeRow row) {
        return Upsert.into(TABLE.name())
                .set("id", row.id)
                .set("email", row.email)
                .set("name", row.name)
                .set("timeZone", row.timeZone)
                .set("bookingId", row.bookingId)
                .set("locale", row.locale)
                .set("phoneNumber", row.phoneNumber)
                .set("noShow", row.noShow);
    }
}
