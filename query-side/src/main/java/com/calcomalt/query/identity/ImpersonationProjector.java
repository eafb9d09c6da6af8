package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.UserImpersonated;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code Impersonations} table. */
@Component
@ProcessingGroup("calcom.Impersonations")
class ImpersonationProjector {

    private final EntityManager entityManager;

    ImpersonationProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(UserImpersonated event) {
        Rows.write(entityManager, ImpersonationRow.class, event.impersonationId(), ImpersonationRow::new, row -> {
            row.id = event.impersonationId();
            row.impersonatedUserId = event.userId();
            row.impersonatedById = event.impersonatedById();
            row.createdAt = event.impersonatedAt();
        });
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Impersonations\"").executeUpdate();
    }
}
