package com.calcomalt.query.features;

import com.calcomalt.contracts.features.FeatureChanged;
import com.calcomalt.contracts.features.FeatureCreated;
import com.calcomalt.contracts.features.FeatureDetailsImported;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Feature} table. {@code lastUsedAt} stays empty but for imported flags: cal.com's
 * own code never writes it either. Its reset deletes {@code UserFeatures} and {@code TeamFeatures} by cascade, whose
 * projectors share this one's processor and so are rebuilt in the same replay.
 */
@Component
@ProcessingGroup("calcom.Feature")
class FeatureProjector {

    private final EntityManager entityManager;

    FeatureProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(FeatureCreated event) {
        Rows.write(entityManager, FeatureRow.class, event.slug(), FeatureRow::new, row -> {
            row.slug = event.slug();
            row.enabled = event.enabled();
            row.description = event.description();
            row.type = event.type();
            row.stale = false;
            row.lastUsedAt = null;
            row.createdAt = event.at();
            row.updatedAt = event.at();
            row.updatedBy = event.updatedBy();
        });
    }

    @EventHandler
    void on(FeatureChanged event) {
        FeatureRow row = Rows.existing(entityManager, FeatureRow.class, event.slug());
        row.enabled = event.enabled();
        row.description = event.description();
        row.type = event.type();
        row.stale = event.stale();
        row.updatedAt = event.at();
        row.updatedBy = event.updatedBy();
    }

    @EventHandler
    void on(FeatureDetailsImported event) {
        FeatureRow row = Rows.existing(entityManager, FeatureRow.class, event.slug());
        row.updatedBy = event.updatedBy();
        row.lastUsedAt = event.lastUsedAt();
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Feature\"").executeUpdate();
    }
}
