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
 * Keeps cal.com's {@code DomainWideDelegation} table, the older name of DelegationCredential, as a
 * mirror of the same events with the same ids: cal.com still has both tables, and code that reads
 * the old one finds the same credentials there. It has no lastEnabledAt and lastDisabledAt.
 */
@Component
@ProcessingGroup("calcom.DomainWideDelegation")
class DomainWideDelegationProjector {

    private final EntityManager entityManager;

    DomainWideDelegationProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(DelegationCredentialCreated event) {
        Rows.write(entityManager, DomainWideDelegationRow.class, event.delegationCredentialId(),
                DomainWideDelegationRow::new, row -> {
                    row.id = event.delegationCredentialId();
                    row.workspacePlatformId = event.workspacePlatformId();
                    row.serviceAccountKey = DelegationCredentialRow.sealedKey(event.encryptedServiceAccountKey());
                    row.enabled = false;
                    row.organizationId = event.organizationId();
                    row.domain = event.domain();
                    row.createdAt = event.createdAt();
                    row.updatedAt = event.createdAt();
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
            row.updatedAt = event.at();
        });
    }

    @EventHandler
    void on(DelegationCredentialDisabled event) {
        change(event.delegationCredentialId(), row -> {
            row.enabled = false;
            row.updatedAt = event.at();
        });
    }

    /** A credential whose organization was deleted is gone by cascade; a change to it changes nothing. */
    private void change(String id, Consumer<DomainWideDelegationRow> change) {
        DomainWideDelegationRow row = entityManager.find(DomainWideDelegationRow.class, id);
        if (row != null) {
            change.accept(row);
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"DomainWideDelegation\"").executeUpdate();
    }
}
