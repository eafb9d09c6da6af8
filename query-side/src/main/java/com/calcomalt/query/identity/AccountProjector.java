package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.AccountLinked;
import com.calcomalt.contracts.identity.AccountTokensImported;
import com.calcomalt.contracts.identity.AccountUnlinked;
import com.calcomalt.platform.secrets.SecretBox;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Account} table. Accounts linked here keep none of the provider's tokens; imported
 * ones keep cal.com's, which their events hold sealed.
 */
@Component
@ProcessingGroup("calcom.Account")
class AccountProjector {

    private final EntityManager entityManager;
    private final SecretBox secrets;

    AccountProjector(EntityManager entityManager, SecretBox secrets) {
        this.entityManager = entityManager;
        this.secrets = secrets;
    }

    @EventHandler
    void on(AccountLinked event) {
        Rows.write(entityManager, AccountRow.class, event.accountId(), AccountRow::new, row -> {
            row.id = event.accountId();
            row.userId = event.userId();
            row.type = event.type();
            row.provider = event.provider();
            row.providerAccountId = event.providerAccountId();
            row.providerEmail = event.providerEmail();
            row.scope = event.scope();
        });
    }

    @EventHandler
    void on(AccountTokensImported event) {
        AccountRow row = Rows.existing(entityManager, AccountRow.class, event.accountId());
        row.refresh_token = secrets.open(event.sealedRefreshToken());
        row.access_token = secrets.open(event.sealedAccessToken());
        row.expires_at = event.expiresAt();
        row.token_type = event.tokenType();
        row.id_token = secrets.open(event.sealedIdToken());
        row.session_state = event.sessionState();
    }

    @EventHandler
    void on(AccountUnlinked event) {
        Rows.delete(entityManager, AccountRow.class, event.accountId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Account\"").executeUpdate();
    }
}
