package com.calcomalt.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookDeactivated;
import com.calcomalt.contracts.notifications.WebhookDeleted;
import com.calcomalt.contracts.notifications.WebhookIds;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.contracts.notifications.WebhookUpdated;
import com.calcomalt.query.support.QuerySideTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhook events through the event store and the real processor into cal.com's Webhook table. */
class WebhookProjectorTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2026-03-29T00:59:59.250Z");
    private static final Instant T1 = Instant.parse("2026-03-29T01:00:00.500Z");

    private int user() {
        int id = uniqueId();
        publish("User", "user:" + id, new UserRegistered(id, UUID.randomUUID(), "w" + id + "@example.com", "w" + id,
                null, "Europe/Berlin", "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2, T0));
        return id;
    }

    private Map<String, Object> row(String webhookId) {
        return jdbc.queryForMap("""
                select id, "userId", "teamId", "eventTypeId", "subscriberUrl", "createdAt"::text as created,
                       active, "eventTriggers"::text as triggers, "payloadTemplate", secret, time,
                       "timeUnit"::text as unit, version, platform
                from "Webhook" where id = ?""", webhookId);
    }

    @Test
    void a_webhook_is_projected_column_for_column_and_follows_its_changes() {
        int owner = user();
        String id = UUID.randomUUID().toString();
        publish("Webhook", WebhookIds.aggregateId(id), new WebhookCreated(id, owner, null, null,
                "https://hooks.example.com/a", List.of(WebhookTriggerEvent.BOOKING_CREATED,
                WebhookTriggerEvent.MEETING_ENDED), "s3cret", true, null, null, null, T0));
        awaitProjectionsCaughtUp();

        Map<String, Object> created = row(id);
        assertThat(created).containsEntry("userId", owner).containsEntry("teamId", null)
                .containsEntry("subscriberUrl", "https://hooks.example.com/a")
                .containsEntry("created", "2026-03-29 00:59:59.25").containsEntry("active", true)
                .containsEntry("triggers", "{BOOKING_CREATED,MEETING_ENDED}").containsEntry("secret", "s3cret")
                .containsEntry("version", "2021-10-20").containsEntry("platform", false);

        publish("Webhook", WebhookIds.aggregateId(id),
                new WebhookUpdated(id, owner, null, null, "https://hooks.example.com/b",
                        List.of(WebhookTriggerEvent.BOOKING_CANCELLED), null, "{\"t\":\"{{title}}\"}", 5,
                        TimeUnit.minute, T1),
                new WebhookDeactivated(id, T1));
        awaitProjectionsCaughtUp();

        assertThat(row(id)).containsEntry("subscriberUrl", "https://hooks.example.com/b")
                .containsEntry("triggers", "{BOOKING_CANCELLED}").containsEntry("secret", null)
                .containsEntry("payloadTemplate", "{\"t\":\"{{title}}\"}").containsEntry("time", 5)
                .containsEntry("unit", "minute").containsEntry("active", false)
                .containsEntry("created", "2026-03-29 00:59:59.25");

        publish("Webhook", WebhookIds.aggregateId(id),
                new WebhookDeleted(id, owner, null, null, "https://hooks.example.com/b", T1));
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("select count(*) from \"Webhook\" where id = ?", Integer.class, id)).isZero();
    }

    @Test
    void a_replay_rebuilds_the_same_webhook_rows() {
        int owner = user();
        String id = UUID.randomUUID().toString();
        publish("Webhook", WebhookIds.aggregateId(id), new WebhookCreated(id, owner, null, null,
                "https://hooks.example.com/replay", List.of(WebhookTriggerEvent.BOOKING_CREATED), null, true,
                null, null, null, T0));
        awaitProjectionsCaughtUp();
        List<String> before = rowsAsJson("Webhook");

        projections.replayAll();
        awaitProjectionsCaughtUp();

        assertThat(rowsAsJson("Webhook")).isEqualTo(before).isNotEmpty();
    }
}
