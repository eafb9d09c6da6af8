package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.OAuthTokensExpired;
import com.calcomalt.contracts.identity.OAuthTokensIssued;
import com.calcomalt.contracts.identity.OAuthTokensRevoked;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code AccessToken} table; the secret column holds the token's SHA-256. */
@Component
@ProcessingGroup("calcom.AccessToken")
class AccessTokenProjector {

    private final EntityManager entityManager;

    AccessTokenProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(OAuthTokensIssued event) {
        Rows.write(entityManager, AccessTokenRow.class, event.accessTokenId(), AccessTokenRow::new, row -> {
            row.id = event.accessTokenId();
            row.secret = event.accessTokenHash();
            row.userId = event.userId();
            row.platformOAuthClientId = event.platformOAuthClientId();
            row.expiresAt = event.accessTokenExpiresAt();
            row.createdAt = event.issuedAt();
        });
    }

    @EventHandler
    void on(OAuthTokensExpired event) {
        Rows.existing(entityManager, AccessTokenRow.class, event.accessTokenId()).expiresAt = event.expiredAt();
    }

    @EventHandler
    void on(OAuthTokensRevoked event) {
        Rows.delete(entityManager, AccessTokenRow.class, event.accessTokenId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"AccessToken\"").executeUpdate();
    }
}
