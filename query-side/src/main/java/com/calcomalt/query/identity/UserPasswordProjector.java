package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.UserPasswordChanged;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code UserPassword} table: one bcrypt hash per user. */
@Component
@ProcessingGroup("calcom.UserPassword")
class UserPasswordProjector {

    private final EntityManager entityManager;

    UserPasswordProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(UserPasswordChanged event) {
        Rows.write(entityManager, UserPasswordRow.class, event.userId(), UserPasswordRow::new, row -> {
            row.userId = event.userId();
            row.hash = event.passwordHash();
        });
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"UserPassword\"").executeUpdate();
    }
}
