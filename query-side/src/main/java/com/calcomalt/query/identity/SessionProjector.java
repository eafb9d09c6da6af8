package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.SessionEnded;
import com.calcomalt.contracts.identity.SessionStarted;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code Session} table; the token column holds the token's SHA-256. */
@Component
@ProcessingGroup("calcom.Session")
class SessionProjector {

    private final EntityManager entityManager;

    SessionProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(SessionStarted event) {
        Rows.write(entityManager, SessionRow.class, event.sessionId(), SessionRow::new, row -> {
            row.id = event.sessionId();
            row.sessionToken = event.sessionTokenHash();
            row.userId = event.userId();
            row.expires = event.expires();
        });
    }

    @EventHandler
    void on(SessionEnded event) {
        Rows.delete(entityManager, SessionRow.class, event.sessionId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Session\"").executeUpdate();
    }
}
