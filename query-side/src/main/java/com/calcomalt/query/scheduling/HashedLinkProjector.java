package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.PrivateLinkCreated;
import com.calcomalt.contracts.scheduling.PrivateLinkDeleted;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code HashedLink} table: private links to book an event type. */
@Component
@ProcessingGroup("calcom.HashedLink")
class HashedLinkProjector {

    private final EntityManager entityManager;

    HashedLinkProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(PrivateLinkCreated event) {
        Rows.write(entityManager, HashedLinkRow.class, event.linkId(), HashedLinkRow::new, row -> {
            row.id = event.linkId();
            row.link = event.link();
            row.eventTypeId = event.eventTypeId();
            row.expiresAt = event.expiresAt();
            row.maxUsageCount = event.maxUsageCount();
        });
    }

    @EventHandler
    void on(PrivateLinkDeleted event) {
        Rows.delete(entityManager, HashedLinkRow.class, event.linkId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"HashedLink\"").executeUpdate();
    }
}
