package com.calcomalt.contracts.notifications;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WebhookDeleted(String webhookId, Integer userId, Integer teamId, Integer eventTypeId,
                             String subscriberUrl, Instant deletedAt) {
}
