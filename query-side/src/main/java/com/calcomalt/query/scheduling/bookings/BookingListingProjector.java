package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.rules.scheduling.BookingState.Lifecycle;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code query_side.booking_listing}, the keys GET /v2/bookings filters and sorts on, by
 * copying them from the booking's row once {@link BookingProjector} has written it: the listing
 * can never disagree with the Booking table. Deletions follow by foreign key.
 */
@Component
@ProcessingGroup(BookingProjector.GROUP)
@Order(5)
class BookingListingProjector {

    /** The columns the listing copies from the booking's row. */
    static final String COLUMNS = """
            id, "userId", "eventTypeId", "startTime", "endTime", "createdAt", "updatedAt", status, "recurringEventId\"""";

    private static final String UPSERT = """
            insert into query_side.booking_listing (id, "userId", "eventTypeId", "startTime", "endTime",
                "createdAt", "updatedAt", status, "recurringEventId")
            select %s from %s
            on conflict (id) do update set "userId" = excluded."userId", "eventTypeId" = excluded."eventTypeId",
                "startTime" = excluded."startTime", "endTime" = excluded."endTime",
                "createdAt" = excluded."createdAt", "updatedAt" = excluded."updatedAt", status = excluded.status,
                "recurringEventId" = excluded."recurringEventId"
            """;

    /** Lists the row {@link com.calcomalt.query.projections.Upsert#executeThen} has just written, as written. */
    static final String FROM_WRITTEN = UPSERT.formatted(COLUMNS, "written");

    private static final String COPY = UPSERT.formatted(COLUMNS, "\"Booking\" where id = :id");

    private final EntityManager entityManager;

    BookingListingProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** {@link BookingProjector} lists a new booking in the statement that writes it: one round trip less per booking. */
    @EventHandler
    void on(BookingRequested event) {
        // listed already
    }

    @EventHandler
    void on(BookingChange event) {
        if (Lifecycle.changesRow(event)) {
            copy(event.bookingId());
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from query_side.booking_listing").executeUpdate();
    }

    private void copy(int bookingId) {
        // The booking's row is written at the event's flush; the copy needs it now.
        entityManager.flush();
        entityManager.createNativeQuery(COPY).setParameter("id", bookingId).executeUpdate();
    }
}
