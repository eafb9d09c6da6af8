package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.PasswordResetCompleted;
import com.calcomalt.contracts.identity.PasswordResetRequested;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code ResetPasswordRequest} table; a used request expires when it is used. */
@Component
@ProcessingGroup("calcom.ResetPasswordRequest")
class ResetPasswordRequestProjector {

    private final EntityManager entityManager;

    ResetPasswordRequestProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(PasswordResetRequested event) {
        Rows.write(entityManager, ResetPasswordRequestRow.class, event.requestId(), ResetPasswordRequestRow::new,
                row -> {
                    row.id = event.requestId();
                    row.email = event.email();
                    row.expires = event.expires();
                    row.createdAt = event.requestedAt();
                    row.updatedAt = event.requestedAt();
                });
    }

    @EventHandler
    void on(PasswordResetCompleted event) {
        ResetPasswordRequestRow row = Rows.existing(entityManager, ResetPasswordRequestRow.class, event.requestId());
        row.expires = event.completedAt();
        row.updatedAt = event.completedAt();
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"ResetPasswordRequest\"").executeUpdate();
    }
}
