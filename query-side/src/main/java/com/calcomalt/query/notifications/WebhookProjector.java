package com.calcomalt.query.notifications;

import com.calcomalt.contracts.notifications.WebhookActivated;
import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookDeactivated;
import com.calcomalt.contracts.notifications.WebhookDeleted;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.contracts.notifications.WebhookUpdated;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code Webhook} table. Written with SQL (in the processor's transaction, after the
 * rows of earlier events are flushed) rather than an entity because
 * {@code eventTriggers} is an array of a PostgreSQL enum. A webhook whose user, team or event type
 * was deleted is gone by cascade, so changes to it find no row and change nothing.
 */
@Component
@ProcessingGroup("calcom.Webhook")
class WebhookProjector {

    private final JdbcTemplate jdbc;

    WebhookProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WebhookCreated event) {
        jdbc.update("""
                insert into "Webhook" (id, "userId", "teamId", "eventTypeId", "subscriberUrl", "createdAt", active,
                    "eventTriggers", "payloadTemplate", secret, time, "timeUnit")
                values (?, ?, ?, ?, ?, ?, ?, ?::"WebhookTriggerEvents"[], ?, ?, ?, ?::"TimeUnit")
                on conflict (id) do update set "subscriberUrl" = excluded."subscriberUrl", active = excluded.active,
                    "eventTriggers" = excluded."eventTriggers", "payloadTemplate" = excluded."payloadTemplate",
                    secret = excluded.secret, time = excluded.time, "timeUnit" = excluded."timeUnit\"""",
                event.webhookId(), event.userId(), event.teamId(), event.eventTypeId(), event.subscriberUrl(),
                event.createdAt().atOffset(ZoneOffset.UTC).toLocalDateTime(), event.active(), array(event.eventTriggers()),
                event.payloadTemplate(), event.secret(), event.time(),
                event.timeUnit() == null ? null : event.timeUnit().name());
    }

    @EventHandler
    void on(WebhookUpdated event) {
        jdbc.update("""
                update "Webhook" set "subscriberUrl" = ?, "eventTriggers" = ?::"WebhookTriggerEvents"[],
                    "payloadTemplate" = ?, secret = ?, time = ?, "timeUnit" = ?::"TimeUnit"
                where id = ?""",
                event.subscriberUrl(), array(event.eventTriggers()), event.payloadTemplate(), event.secret(),
                event.time(), event.timeUnit() == null ? null : event.timeUnit().name(), event.webhookId());
    }

    @EventHandler
    void on(WebhookActivated event) {
        jdbc.update("update \"Webhook\" set active = true where id = ?", event.webhookId());
    }

    @EventHandler
    void on(WebhookDeactivated event) {
        jdbc.update("update \"Webhook\" set active = false where id = ?", event.webhookId());
    }

    @EventHandler
    void on(WebhookDeleted event) {
        jdbc.update("delete from \"Webhook\" where id = ?", event.webhookId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from \"Webhook\"");
    }

    private static String array(List<WebhookTriggerEvent> triggers) {
        return triggers.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }
}
