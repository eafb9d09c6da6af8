package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code BookingSeat} table. Runs after {@link AttendeeProjector} in its group,
 * since a seat points at its booking and its attendee.
 */
@Component
@ProcessingGroup(BookingProjector.GROUP)
@Order(3)
class BookingSeatProjector {

    private final EntityManager entityManager;

    BookingSeatProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(BookingRequested event) {
        if (event.seat() != null) {
            write(event.bookingId(), event.seat());
        }
    }

    @EventHandler
    void on(BookingSeatBooked event) {
        write(event.bookingId(), event.seat());
    }

    @EventHandler
    void on(BookingSeatCancelled event) {
        Rows.deleteNow(entityManager, BookingSeatRow.class, event.seatId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"BookingSeat\"").executeUpdate();
    }

    private void write(int bookingId, BookingSeatData seat) {
        Rows.write(entityManager, BookingSeatRow.class, seat.seatId(), BookingSeatRow::new, row -> {
            row.id = seat.seatId();
            row.referenceUid = seat.referenceUid();
            row.bookingId = bookingId;
            row.attendeeId = seat.attendee().attendeeId();
            row.data = seat.data();
            row.metadata = seat.metadata();
        });
    }
}
