package com.calcomalt.contracts.notifications;

import java.time.Instant;
import java.util.List;

/** A webhook as the API shows it: never its secret, only whether it has one. */
public record WebhookView(String id, Integer userId, Integer teamId, Integer eventTypeId, String subscriberUrl,
                          List<String> triggers, boolean active, String payloadTemplate, boolean hasSecret,
                          Integer time, String timeUnit, Instant createdAt) {
}
