package com.calcomalt.query.billing;

import com.calcomalt.contracts.billing.SeatReleased;
import com.calcomalt.contracts.billing.SeatTaken;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code Seat} table: one row per seat held, deleted when it is given back. */
@Component
@ProcessingGroup("calcom.Seat")
class SeatProjector {

    private final EntityManager entityManager;

    SeatProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(SeatTaken event) {
        Rows.write(entityManager, SeatRow.class, event.seatId(), SeatRow::new, row -> {
            row.id = event.seatId();
            row.orgId = event.orgId();
            row.userId = event.userId();
            row.createdAt = event.takenAt();
        });
    }

    @EventHandler
    void on(SeatReleased event) {
        Rows.delete(entityManager, SeatRow.class, event.seatId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Seat\"").executeUpdate();
    }
}
