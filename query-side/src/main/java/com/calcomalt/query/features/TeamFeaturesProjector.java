package com.calcomalt.query.features;

import com.calcomalt.contracts.features.TeamFeatureRemoved;
import com.calcomalt.contracts.features.TeamFeatureSet;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code TeamFeatures} table: a team's grant or refusal of a flag, deleted when the
 * team inherits it again. A deleted team's rows go by cascade, as in cal.com.
 */
@Component
@ProcessingGroup("calcom.TeamFeatures")
class TeamFeaturesProjector {

    private final EntityManager entityManager;

    TeamFeaturesProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(TeamFeatureSet event) {
        Rows.write(entityManager, TeamFeatureRow.class, new TeamFeatureRow.Key(event.teamId(), event.slug()),
                TeamFeatureRow::new, row -> {
                    row.teamId = event.teamId();
                    row.featureId = event.slug();
                    row.enabled = event.enabled();
                    row.assignedBy = event.assignedBy();
                    row.assignedAt = event.assignedAt();
                    row.updatedAt = event.updatedAt();
                });
    }

    @EventHandler
    void on(TeamFeatureRemoved event) {
        Rows.delete(entityManager, TeamFeatureRow.class, new TeamFeatureRow.Key(event.teamId(), event.slug()));
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"TeamFeatures\"").executeUpdate();
    }
}
