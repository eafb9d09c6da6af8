package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.CalendarColumnsImported;
import com.calcomalt.contracts.calendar.CalendarConnected;
import com.calcomalt.contracts.calendar.CalendarCredentialInvalidated;
import com.calcomalt.contracts.calendar.CalendarDisconnected;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.query.projections.Rows;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Credential} table for calendar accounts, and beside it the calendars found
 * in each account (for GET /v2/calendars). A disconnected account's row is deleted, and the
 * database's cascades take its selected and destination calendars and its cache with it, as in cal.com.
 */
@Component
@ProcessingGroup("calcom.Credential")
class CredentialProjector {

    private final EntityManager entityManager;

    CredentialProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(CalendarConnected event) {
        Rows.write(entityManager, CredentialRow.class, event.credentialId(), CredentialRow::new, row -> {
            row.id = event.credentialId();
            row.type = event.type();
            row.key = TextNode.valueOf(event.sealedKey()).toString();
            row.userId = event.userId();
            row.teamId = event.teamId();
            row.appId = event.appId();
            row.invalid = false;
        });
        entityManager.flush();
        int position = 0;
        for (ConnectedCalendar calendar : event.calendars()) {
            entityManager.createNativeQuery("""
                    insert into query_side.credential_calendars
                        ("credentialId", "externalId", name, "readOnly", "primaryEmail", position)
                    values (?1, ?2, ?3, ?4, ?5, ?6)
                    on conflict ("credentialId", "externalId") do update set name = excluded.name,
                        "readOnly" = excluded."readOnly", "primaryEmail" = excluded."primaryEmail",
                        position = excluded.position""")
                    .setParameter(1, event.credentialId()).setParameter(2, calendar.externalId())
                    .setParameter(3, calendar.name()).setParameter(4, calendar.readOnly())
                    .setParameter(5, calendar.primaryEmail()).setParameter(6, position++).executeUpdate();
        }
    }

    /** An imported account's billing, as cal.com left it. */
    @EventHandler
    void on(CalendarColumnsImported event) {
        CredentialRow row = Rows.existing(entityManager, CredentialRow.class, event.credentialId());
        row.billingCycleStart = event.billingCycleStart();
        row.paymentStatus = event.paymentStatus();
        row.subscriptionId = event.subscriptionId();
    }

    @EventHandler
    void on(CalendarCredentialInvalidated event) {
        Rows.existing(entityManager, CredentialRow.class, event.credentialId()).invalid = true;
    }

    @EventHandler
    void on(CalendarDisconnected event) {
        Rows.deleteNow(entityManager, CredentialRow.class, event.credentialId());
    }

    /** The calendars found go by cascade with their Credential rows. */
    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Credential\"")
                .executeUpdate();
    }
}
