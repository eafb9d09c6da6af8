package com.calcomalt.query.billing;

import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.BillingStatusChanged;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code OrganizationBilling}: the billing rows of organizations. */
@Component
@ProcessingGroup("calcom.OrganizationBilling")
class OrganizationBillingProjector {

    private final EntityManager entityManager;

    OrganizationBillingProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(BillingSet event) {
        if (event.organization()) {
            Rows.write(entityManager, OrganizationBillingRow.class, event.billingId(), OrganizationBillingRow::new,
                    row -> row.fill(event));
        }
    }

    @EventHandler
    void on(BillingStatusChanged event) {
        if (event.organization()) {
            Rows.existing(entityManager, OrganizationBillingRow.class, event.billingId()).fill(event);
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"OrganizationBilling\"").executeUpdate();
    }
}
