package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.command.notifications.WebhookRules;
import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookIds;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.secrets.SecretBox;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's webhooks of users and teams, with their secrets sealed as ours are. An event type's webhook
 * waits until its event type is imported; platform and app webhooks belong to nothing we model.
 */
@Component
@Order(50)
class WebhookImport implements ImportSection {

    /** cal.com's only payload version, the one our API accepts and our projector writes (the column's default). */
    private static final String PAYLOAD_VERSION = "2021-10-20";

    private final SecretBox secrets;

    WebhookImport(SecretBox secrets) {
        this.secrets = secrets;
    }

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        List<RuleBreak> deferred = new ArrayList<>();
        Map<String, String> firstByUserUrl = new HashMap<>();
        each(source, """
                select id, "userId", "teamId", "eventTypeId", "subscriberUrl", "createdAt", active,
                       "eventTriggers"::text[] as triggers, "payloadTemplate", secret, time, "timeUnit"::text,
                       "appId", "platformOAuthClientId", platform, version
                from "Webhook" order by "createdAt", id""", row -> {
            String id = row.getString("id");
            Integer userId = integer(row, "userId");
            Integer teamId = integer(row, "teamId");
            Integer eventTypeId = integer(row, "eventTypeId");
            String url = row.getString("subscriberUrl");
            if (row.getString("appId") != null || row.getString("platformOAuthClientId") != null
                    || row.getBoolean("platform")) {
                deferred.add(new RuleBreak("Webhook", id, "a platform or app webhook; those are not modelled"));
                return;
            }
            if (eventTypeId != null && !imported.eventTypeIds().contains(eventTypeId)) {
                deferred.add(new RuleBreak("Webhook", id, "event type " + eventTypeId + " (EventType)"));
                return;
            }
            if (!PAYLOAD_VERSION.equals(row.getString("version"))) {
                breaks.add(new RuleBreak("Webhook", id, "payload version '" + row.getString("version")
                        + "': our webhooks send " + PAYLOAD_VERSION + " only"));
                return;
            }
            if ((userId == null ? 0 : 1) + (teamId == null ? 0 : 1) + (eventTypeId == null ? 0 : 1) != 1) {
                breaks.add(new RuleBreak("Webhook", id, "belongs to one user, one team or one event type"));
                return;
            }
            if ((userId != null && !imported.userRegisteredAt().containsKey(userId))
                    || (teamId != null && !imported.teamIds().contains(teamId))) {
                breaks.add(new RuleBreak("Webhook", id, "user " + userId + " or team " + teamId
                        + " is not imported"));
                return;
            }
            Array triggers = row.getArray("triggers");
            String unit = row.getString("timeUnit");
            List<WebhookTriggerEvent> triggerEvents = triggers == null ? null
                    : Arrays.stream((String[]) triggers.getArray()).map(WebhookTriggerEvent::valueOf).toList();
            Integer time = integer(row, "time");
            TimeUnit timeUnit = unit == null ? null : TimeUnit.valueOf(unit);
            try {
                // The rules would strip a URL and drop a repeated trigger; a row needing either is reported, not bent.
                if (!WebhookRules.requireUrl(url).equals(url)
                        || WebhookRules.requireTriggers(triggerEvents).size() != triggerEvents.size()) {
                    breaks.add(new RuleBreak("Webhook", id, "subscriberUrl with spaces around it or a trigger twice"));
                    return;
                }
                WebhookRules.requireTime(triggerEvents, time, timeUnit);
            } catch (DomainRuleViolation refused) {
                breaks.add(new RuleBreak("Webhook", id, refused.getMessage()));
                return;
            }
            // A user subscribes a URL once (cal.com's "Webhook_userId_subscriberUrl_key", kept by our lookup).
            if (userId != null) {
                String first = firstByUserUrl.putIfAbsent(userId + " " + url, id);
                if (first != null) {
                    breaks.add(new RuleBreak("Webhook", id, "user " + userId + " subscribes " + url
                            + " in webhook " + first + " already"));
                    return;
                }
            }
            Instant created = instant(row.getTimestamp("createdAt"));
            events.add(new Pending("Webhook", WebhookIds.aggregateId(id), new WebhookCreated(id, userId, teamId,
                    eventTypeId, url, triggerEvents, secrets.seal(row.getString("secret")), row.getBoolean("active"),
                    row.getString("payloadTemplate"), time, timeUnit, created), created));
        });
        return new Result(Map.of("Webhook", events.size()), events, breaks, deferred, Map.of());
    }
}
