package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingColumnsImported;
import com.calcomalt.platform.deadletters.Batched;
import com.calcomalt.platform.deadletters.BatchedRows;
import com.calcomalt.platform.deadletters.Upsert;
import com.calcomalt.rules.scheduling.BookingState.Lifecycle;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code query_side.booking_listing}, the keys GET /v2/bookings filters and sorts on, by
 * copying them from the booking's row as {@link BookingProjector} leaves it in the batch: the
 * listing can never disagree with the Booking table. Deletions follow by foreign key.
 */
@Component
@ProcessingGroup(BookingProjector.GROUP)
@Order(5)
class BookingListingProjector {

    /** The listing's rows held for the batch: the booking's row as this batch leaves it, written after it. */
    private static final BatchedRows.Table<BookingRow> TABLE = new BatchedRows.Table<>("query_side.booking_listing", 5,
            BookingListingProjector::whole, BookingListingProjector::whole);

    private final EntityManager entityManager;
    private final BookingProjector bookings;
    private final BatchedRows rows;

    BookingListingProjector(EntityManager entityManager, BookingProjector bookings, BatchedRows rows) {
        this.entityManager = entityManager;
        this.bookings = bookings;
        this.rows = rows;
    }

    @EventHandler
    @Batched
    void on(BookingChange event) {
        if (!Lifecycle.changesRow(event)) {
            return;
        }
        list(event.bookingId());
    }

    /** An imported booking's recurringEventId. */
    @EventHandler
    @Batched
    void on(BookingColumnsImported event) {
        list(event.bookingId());
    }

    private void list(int bookingId) {
        BookingRow booking = rows.read(BookingProjector.TABLE, bookingId, () -> bookings.load(bookingId));
        if (booking == null) {
            throw new IllegalStateException("No Booking " + bookingId + " to list");
        }
        rows.write(TABLE, booking.id, booking);
    }

    private static Upsert whole(BookingRow booking) {
        return Upsert.into(TABLE.name())
                .set("id", booking.id)
                .set("userId", booking.userId)
                .set("eventTypeId", booking.eventTypeId)
                .set("startTime", booking.startTime)
                .set("endTime", booking.endTime)
                .set("createdAt", booking.createdAt)
                .set("updatedAt", booking.updatedAt)
                .enumerated("status", "BookingStatus", booking.status)
                .set("recurringEventId", booking.recurringEventId);
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from query_side.booking_listing").executeUpdate();
    }
}
