package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.CalendarColumnsImported;
import com.calcomalt.contracts.calendar.CalendarDeselected;
import com.calcomalt.contracts.calendar.CalendarSelected;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code SelectedCalendar} table: the calendars whose busy times block a user's slots. */
@Component
@ProcessingGroup("calcom.SelectedCalendar")
class SelectedCalendarProjector {

    private final EntityManager entityManager;

    SelectedCalendarProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(CalendarSelected event) {
        Rows.write(entityManager, SelectedCalendarRow.class, event.selectedCalendarId(), SelectedCalendarRow::new,
                row -> {
                    row.id = event.selectedCalendarId();
                    row.userId = event.userId();
                    row.integration = event.integration();
                    row.externalId = event.externalId();
                    row.credentialId = event.credentialId();
                    row.eventTypeId = event.eventTypeId();
                    row.createdAt = event.selectedAt();
                    row.updatedAt = event.selectedAt();
                });
    }

    /**
     * The imported calendars' channels, sync state, attempts and times, as cal.com left them. A delegation
     * credential whose row is not there (left out by the import) is left out.
     */
    @EventHandler
    void on(CalendarColumnsImported event) {
        for (CalendarColumnsImported.SelectedCalendarColumns columns : event.selectedCalendars()) {
            SelectedCalendarRow row = Rows.existing(entityManager, SelectedCalendarRow.class,
                    columns.selectedCalendarId());
            row.googleChannelExpiration = columns.googleChannelExpiration();
            row.googleChannelId = columns.googleChannelId();
            row.googleChannelKind = columns.googleChannelKind();
            row.googleChannelResourceId = columns.googleChannelResourceId();
            row.googleChannelResourceUri = columns.googleChannelResourceUri();
            row.domainWideDelegationCredentialId = DelegationRows.known(entityManager, "DomainWideDelegation",
                    columns.domainWideDelegationCredentialId());
            row.error = columns.error();
            row.channelId = columns.channelId();
            row.channelKind = columns.channelKind();
            row.channelResourceId = columns.channelResourceId();
            row.channelResourceUri = columns.channelResourceUri();
            row.channelExpiration = columns.channelExpiration();
            row.syncSubscribedAt = columns.syncSubscribedAt();
            row.syncToken = columns.syncToken();
            row.syncedAt = columns.syncedAt();
            row.syncErrorAt = columns.syncErrorAt();
            row.syncErrorCount = columns.syncErrorCount();
            row.delegationCredentialId = DelegationRows.known(entityManager, "DelegationCredential",
                    columns.delegationCredentialId());
            row.lastErrorAt = columns.lastErrorAt();
            row.maxAttempts = columns.maxAttempts();
            row.unwatchAttempts = columns.unwatchAttempts();
            row.watchAttempts = columns.watchAttempts();
            row.createdAt = columns.createdAt();
            row.updatedAt = columns.updatedAt();
        }
    }

    @EventHandler
    void on(CalendarDeselected event) {
        Rows.delete(entityManager, SelectedCalendarRow.class, event.selectedCalendarId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"SelectedCalendar\"").executeUpdate();
    }
}
