package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.AccountLinked;
import com.calcomalt.contracts.identity.AccountUnlinked;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Account} table. The provider's own tokens (access_token, refresh_token,
 * id_token) are not taken in: they would be credentials at rest in the event store.
 */
@Component
@ProcessingGroup("calcom.Account")
class AccountProjector {

    private final EntityManager entityManager;

    AccountProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
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
    void on(AccountUnlinked event) {
        Rows.delete(entityManager, AccountRow.class, event.accountId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Account\"").executeUpdate();
    }
}
