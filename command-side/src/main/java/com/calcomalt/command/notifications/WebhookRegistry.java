package com.calcomalt.command.notifications;

import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookDeleted;
import com.calcomalt.contracts.notifications.WebhookUpdated;
import com.calcomalt.platform.domain.DomainConflict;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whose each webhook is, and a user's subscriber URLs unique (cal.com's
 * "Webhook_userId_subscriberUrl_key"), claimed in the transaction that appends the webhook's event:
 * of two concurrent subscriptions of one URL, one is rolled back.
 */
@Component
@ProcessingGroup("identity-registry")
class WebhookRegistry {

    private final JdbcTemplate jdbc;

    WebhookRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WebhookCreated event) {
        try {
            jdbc.update("""
                    insert into command_side.webhooks (webhook_id, user_id, team_id, event_type_id, subscriber_url)
                    values (?, ?, ?, ?, ?)""", event.webhookId(), event.userId(), event.teamId(), event.eventTypeId(),
                    event.subscriberUrl());
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("User " + event.userId() + " has a webhook for " + event.subscriberUrl());
        }
    }

    @EventHandler
    void on(WebhookUpdated event) {
        try {
            jdbc.update("update command_side.webhooks set subscriber_url = ? where webhook_id = ?",
                    event.subscriberUrl(), event.webhookId());
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("User " + event.userId() + " has a webhook for " + event.subscriberUrl());
        }
    }

    @EventHandler
    void on(WebhookDeleted event) {
        jdbc.update("delete from command_side.webhooks where webhook_id = ?", event.webhookId());
    }
}
