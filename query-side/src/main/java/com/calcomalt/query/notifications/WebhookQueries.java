package com.calcomalt.query.notifications;

import static com.calcomalt.platform.database.Timestamps.instant;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.notifications.FindWebhook;
import com.calcomalt.contracts.notifications.FindWebhookDeliveries;
import com.calcomalt.contracts.notifications.FindWebhooks;
import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.WebhookDeliveries;
import com.calcomalt.contracts.notifications.WebhookDeliveryView;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.contracts.notifications.WebhookView;
import com.calcomalt.query.identity.IdentityVisibility;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks and their deliveries, seen by whoever may manage the webhook: a user's by that user, a
 * team's by its ADMINs and OWNERs (or its organization's), an event type's by whoever may change
 * that event type; system admins see all. The secret is never read. Deliveries come from the
 * delivery process's own tables ({@code notifications}), which no replay touches.
 */
@Component
@Transactional(readOnly = true)
class WebhookQueries {

    private static final String COLUMNS = """
            select id, "userId", "teamId", "eventTypeId", "subscriberUrl", "eventTriggers"::text[], active,
                   "payloadTemplate", secret is not null, time, "timeUnit"::text, "createdAt" from "Webhook" """;

    private final JdbcTemplate jdbc;
    private final IdentityVisibility visibility;

    WebhookQueries(JdbcTemplate jdbc, IdentityVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @QueryHandler
    List<WebhookView> handle(FindWebhooks query) {
        String where = query.teamId() != null ? "\"teamId\" = ?" : query.eventTypeId() != null ? "\"eventTypeId\" = ?"
                : "\"userId\" = ?";
        Object key = query.teamId() != null ? query.teamId() : query.eventTypeId() != null ? query.eventTypeId()
                : query.userId() != null ? query.userId() : query.caller().userId();
        return jdbc.query(COLUMNS + "where " + where + " order by \"createdAt\", id", WebhookQueries::view, key)
                .stream().filter(w -> manages(query.caller(), w)).toList();
    }

    @QueryHandler
    Optional<WebhookView> handle(FindWebhook query) {
        return find(query.webhookId(), query.caller());
    }

    @QueryHandler
    Optional<WebhookDeliveries> handle(FindWebhookDeliveries query) {
        return find(query.webhookId(), query.caller()).map(webhook -> {
            Map<String, List<WebhookDeliveryView.Attempt>> attempts = jdbc.query("""
                    select a.delivery_id, a.attempt, a.attempted_at, a.duration_ms, a.http_status, a.error
                    from notifications.webhook_delivery_attempts a
                    join notifications.webhook_deliveries d on d.id = a.delivery_id
                    where d.webhook_id = ? order by a.delivery_id, a.attempt""",
                    (rs, i) -> Map.entry(rs.getString(1), new WebhookDeliveryView.Attempt(rs.getInt(2),
                            instant(rs, 3), rs.getLong(4), (Integer) rs.getObject(5), rs.getString(6))),
                    webhook.id()).stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            return new WebhookDeliveries(jdbc.query("""
                    select id, webhook_id, trigger_event, booking_id, subscriber_url, status, due_at, created_at,
                           completed_at, body
                    from notifications.webhook_deliveries where webhook_id = ?
                    order by created_at desc, due_at desc, id""",
                    (rs, i) -> new WebhookDeliveryView(rs.getString(1), rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                            instant(rs, 8), instant(rs, 9), rs.getString(10),
                            attempts.getOrDefault(rs.getString(1), List.of())), webhook.id()));
        });
    }

    private Optional<WebhookView> find(String webhookId, Caller caller) {
        return jdbc.query(COLUMNS + "where id = ?", WebhookQueries::view, webhookId).stream()
                .filter(w -> manages(caller, w)).findFirst();
    }

    private boolean manages(Caller caller, WebhookView webhook) {
        if (caller.systemAdmin()) {
            return true;
        }
        if (webhook.userId() != null) {
            return caller.mayActAs(webhook.userId());
        }
        Integer teamId = webhook.teamId();
        if (webhook.eventTypeId() != null) {
            Map<String, Object> owner = jdbc.queryForMap("select \"userId\", \"teamId\" from \"EventType\" where id = ?",
                    webhook.eventTypeId());
            if (owner.get("teamId") == null) {
                return owner.get("userId") != null && caller.mayActAs((Integer) owner.get("userId"));
            }
            teamId = (Integer) owner.get("teamId");
        }
        return teamId != null && visibility.runsTeam(caller, teamId);
    }

    private static WebhookView view(ResultSet rs, int row) throws SQLException {
        Array triggers = rs.getArray(6);
        LocalDateTime createdAt = rs.getObject(12, LocalDateTime.class);
        return new WebhookView(rs.getString(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3),
                (Integer) rs.getObject(4), rs.getString(5),
                triggers == null ? List.of() : Arrays.stream((String[]) triggers.getArray()).map(WebhookTriggerEvent::valueOf)
                        .toList(), rs.getBoolean(7),
                rs.getString(8), rs.getBoolean(9), (Integer) rs.getObject(10),
                rs.getString(11) == null ? null : TimeUnit.valueOf(rs.getString(11)),
                createdAt == null ? null : createdAt.toInstant(ZoneOffset.UTC));
    }
}
