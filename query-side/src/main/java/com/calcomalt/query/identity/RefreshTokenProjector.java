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

/** Keeps cal.com's {@code RefreshToken} table; the secret column holds the token's SHA-256. */
@Component
@ProcessingGroup("calcom.RefreshToken")
class RefreshTokenProjector {

    private final EntityManager entityManager;

    RefreshTokenProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(OAuthTokensIssued event) {
        Rows.write(entityManager, RefreshTokenRow.class, event.refreshTokenId(), RefreshTokenRow::new, row -> {
            row.id = event.refreshTokenId();
            row.secret = event.refreshTokenHash();
            row.userId = event.userId();
            row.platformOAuthClientId = event.platformOAuthClientId();
            row.expiresAt = event.refreshTokenExpiresAt();
            row.createdAt = event.issuedAt();
        });
    }

    @EventHandler
    void on(OAuthTokensExpired event) {
        Rows.existing(entityManager, RefreshTokenRow.class, event.refreshTokenId()).expiresAt = event.expiredAt();
    }

    @EventHandler
    void on(OAuthTokensRevoked event) {
        Rows.delete(entityManager, RefreshTokenRow.class, event.refreshTokenId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"RefreshToken\"").executeUpdate();
    }
}
