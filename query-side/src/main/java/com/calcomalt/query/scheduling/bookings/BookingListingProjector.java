package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingChange;
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

    private static final String COPY = """
            insert into query_side.booking_listing (id, "userId", "eventTypeId", "startTime", "endTime",
                "createdAt", "updatedAt", status, "recurringEventId")
            select id, "userId", "eventTypeId", "startTime", "endTime", "createdAt", "updatedAt", status,
                "recurringEventId"
            from "Booking" where id = :id
            on conflict (id) do update set "userId" = excluded."userId", "eventTypeId" = excluded."eventTypeId",
                "startTime" = excluded."startTime", "endTime" = excluded."endTime",
                "createdAt" = excluded."createdAt", "updatedAt" = excluded."updatedAt", status = excluded.status,
                "recurringEventId" = excluded."recurringEventId"
            """;

    private final EntityManager entityManager;

    BookingListingProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
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
