package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.UtmParameters;
import com.calcomalt.query.projections.Rows;
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

    private final EntityManager entityManager;

    TrackingProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(BookingRequested event) {
        UtmParameters utm = event.tracking();
        if (utm == null) {
            return;
        }
        Rows.write(entityManager, TrackingRow.class, utm.trackingId(), TrackingRow::new, row -> {
            row.id = utm.trackingId();
            row.bookingId = event.bookingId();
            row.utm_source = utm.source();
            row.utm_medium = utm.medium();
            row.utm_campaign = utm.campaign();
            row.utm_term = utm.term();
            row.utm_content = utm.content();
        });
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Tracking\"").executeUpdate();
    }
}
