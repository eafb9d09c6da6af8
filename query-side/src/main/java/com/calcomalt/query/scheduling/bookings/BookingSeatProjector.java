package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
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
 * Keeps cal.com's {@code BookingSeat} table. Runs after {@link AttendeeProjector} in its group,
 * since a seat points at its booking and its attendee.
 */
@Component
@ProcessingGroup(BookingProjector.GROUP)
@Order(3)
class BookingSeatProjector {

    /** BookingSeat's rows held for the batch, written after the bookings and attendees they point at. */
    private static final BatchedRows.Table<BookingSeatRow> TABLE = new BatchedRows.Table<>("\"BookingSeat\"", 3,
            BookingSeatProjector::whole, BookingSeatProjector::whole);

    private final EntityManager entityManager;
    private final BatchedRows rows;

    BookingSeatProjector(EntityManager entityManager, BatchedRows rows) {
        this.entityManager = entityManager;
        this.rows = rows;
    }

    @EventHandler
    @Batched
    void on(BookingRequested event) {
        if (event.seat() != null) {
            rows.write(TABLE, event.seat().seatId(), row(event.bookingId(), event.seat()));
        }
    }

    @EventHandler
    @Batched
    void on(BookingSeatBooked event) {
        rows.write(TABLE, event.seat().seatId(), row(event.bookingId(), event.seat()));
    }

    @EventHandler
    void on(BookingSeatCancelled event) {
        Rows.deleteNow(entityManager, BookingSeatRow.class, event.seatId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"BookingSeat\"").executeUpdate();
    }

    private static BookingSeatRow row(int bookingId, BookingSeatData seat) {
        BookingSeatRow row = new BookingSeatRow();
        row.id = seat.seatId();
        row.referenceUid = seat.referenceUid();
        row.bookingId = bookingId;
        row.attendeeId = seat.attendee().attendeeId();
        row.data = seat.data();
        row.metadata = seat.metadata();
        return row;
    }

    private static Upsert whole(BookingSeatRow row) {
        return Upsert.into(TABLE.name())
                .set("id", row.id)
                .set("referenceUid", row.referenceUid)
                .set("bookingId", row.bookingId)
                .set("attendeeId", row.attendeeId)
                .json("data", row.data)
                .json("metadata", row.metadata);
    }
}
