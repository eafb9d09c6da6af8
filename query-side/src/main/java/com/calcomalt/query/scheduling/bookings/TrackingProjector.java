package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.UtmParameters;
import com.calcomalt.platform.deadletters.Batched;
import com.calcomalt.platform.deadletters.BatchedRows;
import com.calcomalt.platform.deadletters.Upsert;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code Tracking} table. Runs after {@link BookingProjector} in its group, since a row points at its booking. */
@Component
@ProcessingGroup(BookingProjector.GROUP)
@Order(4)
class TrackingProjector {

    /** Tracking's rows held for the batch, written after the bookings they point at. */
    private static final BatchedRows.Table<TrackingRow> TABLE = new BatchedRows.Table<>("\"Tracking\"", 4,
            TrackingProjector::whole, TrackingProjector::whole);

    private final EntityManager entityManager;
    private final BatchedRows rows;

    TrackingProjector(EntityManager entityManager, BatchedRows rows) {
        this.entityManager = entityManager;
        this.rows = rows;
    }

    @EventHandler
    @Batched
    void on(BookingRequested event) {
        UtmParameters utm = event.tracking();
        if (utm == null) {
            return;
        }
        TrackingRow row = new TrackingRow();
        row.id = utm.trackingId();
        row.bookingId = event.bookingId();
        row.utm_source = utm.source();
        row.utm_medium = utm.medium();
        row.utm_campaign = utm.campaign();
        row.utm_term = utm.term();
        row.utm_content = utm.content();
        rows.write(TABLE, row.id, row);
    }

    private static Upsert whole(TrackingRow row) {
        return Upsert.into(TABLE.name())
                .set("id", row.id)
                .set("bookingId", row.bookingId)
                .set("utm_source", row.utm_source)
                .set("utm_medium", row.utm_medium)
                .set("utm_campaign", row.utm_campaign)
                .set("utm_term", row.utm_term)
                .set("utm_content", row.utm_content);
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Tracking\"").executeUpdate();
    }
}
