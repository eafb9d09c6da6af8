package com.calcomalt.query.features;

import com.calcomalt.contracts.features.UserFeatureRemoved;
import com.calcomalt.contracts.features.UserFeatureSet;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code UserFeatures} table: a user's own grant or refusal of a flag, deleted when
 * the user inherits it from their teams again.
 */
@Component
@ProcessingGroup("calcom.UserFeatures")
class UserFeaturesProjector {

    private final EntityManager entityManager;

    UserFeaturesProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(UserFeatureSet event) {
        Rows.write(entityManager, UserFeatureRow.class, new UserFeatureRow.Key(event.userId(), event.slug()),
                UserFeatureRow::new, row -> {
                    row.userId = event.userId();
                    row.featureId = event.slug();
                    row.enabled = event.enabled();
                    row.assignedBy = event.assignedBy();
                    row.assignedAt = event.assignedAt();
                    row.updatedAt = event.updatedAt();
                });
    }

    @EventHandler
    void on(UserFeatureRemoved event) {
        Rows.delete(entityManager, UserFeatureRow.class, new UserFeatureRow.Key(event.userId(), event.slug()));
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"UserFeatures\"").executeUpdate();
    }
}
