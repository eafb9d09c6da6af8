package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.DestinationCalendarColumnsImported;
import com.calcomalt.contracts.calendar.DestinationCalendarSet;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code DestinationCalendar} table. A row changes in place, keeping its id and
 * createdAt; a row its account's disconnection deleted by cascade comes back under the same id.
 */
@Component
@ProcessingGroup("calcom.DestinationCalendar")
class DestinationCalendarProjector {

    private final EntityManager entityManager;

    DestinationCalendarProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(DestinationCalendarSet event) {
        Rows.write(entityManager, DestinationCalendarRow.class, event.destinationCalendarId(),
                DestinationCalendarRow::new, row -> {
                    if (row.createdAt == null) {
                        row.createdAt = event.setAt();
                    }
                    row.id = event.destinationCalendarId();
                    row.integration = event.integration();
                    row.externalId = event.externalId();
                    row.userId = event.userId();
                    row.eventTypeId = event.eventTypeId();
                    row.credentialId = event.credentialId();
                    row.primaryEmail = event.primaryEmail();
                    row.updatedAt = event.setAt();
                });
    }

    /** An imported row's delegation credentials (those whose rows are there) and reminder. */
    @EventHandler
    void on(DestinationCalendarColumnsImported event) {
        DestinationCalendarRow row = Rows.existing(entityManager, DestinationCalendarRow.class,
                event.destinationCalendarId());
        row.domainWideDelegationCredentialId = DelegationRows.known(entityManager, "DomainWideDelegation",
                event.domainWideDelegationCredentialId());
        row.delegationCredentialId = DelegationRows.known(entityManager, "DelegationCredential",
                event.delegationCredentialId());
        row.customCalendarReminder = event.customCalendarReminder();
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"DestinationCalendar\"").executeUpdate();
    }
}
