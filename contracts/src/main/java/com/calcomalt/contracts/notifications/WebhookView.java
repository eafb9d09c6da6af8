package com.calcomalt.contracts.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API shows it, in the fields of cal.com API v2's WebhookOutputDto (id, subscriberUrl,
 * triggers, active, payloadTemplate, and its owner's userId, teamId or eventTypeId), never its secret,
 * only whether it has one; time, timeUnit and createdAt are the Webhook columns cal.com does not show.
 */
public record WebhookView(String id, Integer userId, Integer teamId, Integer eventTypeId, String subscriberUrl,
                          List<WebhookTriggerEvent> triggers, boolean active, String payloadTemplate, boolean hasSecret,
                          Integer time, TimeUnit timeUnit, Instant createdAt) {
}
