package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.SlotReleased;
import com.calcomalt.contracts.scheduling.SlotReservationExpired;
import com.calcomalt.contracts.scheduling.SlotReserved;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code SelectedSlots} table: slots held for bookers, gone when released or expired. */
@Component
@ProcessingGroup("calcom.SelectedSlots")
class SelectedSlotsProjector {

    private final EntityManager entityManager;

    SelectedSlotsProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(SlotReserved event) {
        Rows.write(entityManager, SelectedSlotRow.class, event.reservationId(), SelectedSlotRow::new, row -> {
            row.id = event.reservationId();
            row.uid = event.uid();
            row.eventTypeId = event.eventTypeId();
            row.userId = event.userId();
            row.slotUtcStartDate = event.slotStart();
            row.slotUtcEndDate = event.slotEnd();
            row.releaseAt = event.releaseAt();
            row.isSeat = event.isSeat();
        });
    }

    @EventHandler
    void on(SlotReleased event) {
        Rows.delete(entityManager, SelectedSlotRow.class, event.reservationId());
    }

    @EventHandler
    void on(SlotReservationExpired event) {
        Rows.delete(entityManager, SelectedSlotRow.class, event.reservationId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"SelectedSlots\"").executeUpdate();
    }
}
