package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.ApiKeyCreated;
import com.calcomalt.contracts.identity.ApiKeyDetailsImported;
import com.calcomalt.contracts.identity.ApiKeyExpiryChanged;
import com.calcomalt.contracts.identity.ApiKeyRevoked;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code ApiKey} table: a revoked key's row is deleted, as cal.com does. */
@Component
@ProcessingGroup("calcom.ApiKey")
class ApiKeyProjector {

    private final EntityManager entityManager;

    ApiKeyProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(ApiKeyCreated event) {
        Rows.write(entityManager, ApiKeyRow.class, event.keyId(), ApiKeyRow::new, row -> {
            row.id = event.keyId();
            row.userId = event.userId();
            row.teamId = event.teamId();
            row.note = event.note();
            row.hashedKey = event.hashedKey();
            row.expiresAt = event.expiresAt();
            row.createdAt = event.createdAt();
        });
    }

    @EventHandler
    void on(ApiKeyExpiryChanged event) {
        Rows.existing(entityManager, ApiKeyRow.class, event.keyId()).expiresAt = event.expiresAt();
    }

    @EventHandler
    void on(ApiKeyDetailsImported event) {
        Rows.existing(entityManager, ApiKeyRow.class, event.apiKeyId()).lastUsedAt = event.lastUsedAt();
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        Rows.delete(entityManager, ApiKeyRow.class, event.keyId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"ApiKey\"").executeUpdate();
    }
}
