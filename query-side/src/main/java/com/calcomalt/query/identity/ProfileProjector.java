package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.OrganizationProfileDetailsImported;
import com.calcomalt.contracts.identity.OrganizationProfileRemoved;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code Profile} table: a user's username inside an organization. */
@Component
@ProcessingGroup("calcom.Profile")
class ProfileProjector {

    private final EntityManager entityManager;

    ProfileProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(OrganizationProfileCreated event) {
        Rows.write(entityManager, ProfileRow.class, event.profileId(), ProfileRow::new, row -> {
            row.id = event.profileId();
            row.uid = event.uid();
            row.userId = event.userId();
            row.organizationId = event.organizationId();
            row.username = event.username();
            row.createdAt = event.createdAt();
            row.updatedAt = event.createdAt();
        });
    }

    @EventHandler
    void on(OrganizationProfileDetailsImported event) {
        Rows.existing(entityManager, ProfileRow.class, event.profileId()).updatedAt = event.updatedAt();
    }

    @EventHandler
    void on(OrganizationProfileRemoved event) {
        Rows.delete(entityManager, ProfileRow.class, event.profileId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Profile\"").executeUpdate();
    }
}
