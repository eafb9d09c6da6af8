package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.DelegationCredentialCreated;
import com.calcomalt.contracts.calendar.DelegationCredentialDisabled;
import com.calcomalt.contracts.calendar.DelegationCredentialEnabled;
import com.calcomalt.contracts.calendar.DelegationCredentialKeyChanged;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code DelegationCredential} table. The key stays sealed, as the events carry it.
 * A credential whose organization was deleted is gone by cascade, so a change to it finds no row
 * and changes nothing.
 */
@Component
@ProcessingGroup("calcom.DelegationCredential")
class DelegationCredentialProjector {

    private final EntityManager entityManager;

    DelegationCredentialProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(DelegationCredentialCreated event) {
        Rows.write(entityManager, DelegationCredentialRow.class, event.delegationCredentialId(),
                DelegationCredentialRow::new, row -> {
                    row.id = event.delegationCredentialId();
                    row.workspacePlatformId = event.workspacePlatformId();
                    row.serviceAccountKey = DelegationCredentialRow.sealedKey(event.encryptedServiceAccountKey());
                    row.enabled = false;
                    row.organizationId = event.organizationId();
                    row.domain = event.domain();
                    row.createdAt = event.createdAt();
                    row.updatedAt = event.createdAt();
                    row.lastEnabledAt = null;
                    row.lastDisabledAt = null;
                });
    }

    @EventHandler
    void on(DelegationCredentialKeyChanged event) {
        change(event.delegationCredentialId(), row -> {
            row.serviceAccountKey = DelegationCredentialRow.sealedKey(event.encryptedServiceAccountKey());
            row.updatedAt = event.at();
        });
    }

    @EventHandler
    void on(DelegationCredentialEnabled event) {
        change(event.delegationCredentialId(), row -> {
            row.enabled = true;
            row.lastEnabledAt = event.at();
            row.updatedAt = event.at();
        });
    }

    @EventHandler
    void on(DelegationCredentialDisabled event) {
        change(event.delegationCredentialId(), row -> {
            row.enabled = false;
            row.lastDisabledAt = event.at();
            row.updatedAt = event.at();
        });
    }

    private void change(String id, Consumer<DelegationCredentialRow> change) {
        DelegationCredentialRow row = entityManager.find(DelegationCredentialRow.class, id);
        if (row != null) {
            change.accept(row);
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"DelegationCredential\"").executeUpdate();
    }
}
