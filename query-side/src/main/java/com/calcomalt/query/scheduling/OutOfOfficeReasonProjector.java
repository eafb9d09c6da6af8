package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.OutOfOfficeReasonCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonDisabled;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code OutOfOfficeReason} table. */
@Component
@ProcessingGroup("calcom.OutOfOfficeReason")
class OutOfOfficeReasonProjector {

    private final EntityManager entityManager;

    OutOfOfficeReasonProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(OutOfOfficeReasonCreated event) {
        Rows.write(entityManager, OutOfOfficeReasonRow.class, event.reasonId(), OutOfOfficeReasonRow::new, row -> {
            row.id = event.reasonId();
            row.emoji = event.emoji();
            row.reason = event.reason();
            row.userId = event.userId();
            row.enabled = true;
        });
    }

    @EventHandler
    void on(OutOfOfficeReasonDisabled event) {
        Rows.existing(entityManager, OutOfOfficeReasonRow.class, event.reasonId()).enabled = false;
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"OutOfOfficeReason\"").executeUpdate();
    }
}
