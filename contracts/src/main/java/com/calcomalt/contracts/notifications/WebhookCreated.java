package com.calcomalt.contracts.notifications;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A webhook was made, with every column of its Webhook row. The secret is never printed. */
@Revision("1")
public record WebhookCreated(String webhookId, Integer userId, Integer teamId, Integer eventTypeId,
                             String subscriberUrl, List<WebhookTriggerEvent> eventTriggers, String secret,
                             boolean active, String payloadTemplate, Integer time, TimeUnit timeUnit,
                             Instant createdAt) {

    @Override
    public String toString() {
        return "WebhookCreated[webhookId=" + webhookId + ", userId=" + userId + ", teamId=" + teamId
                + ", eventTypeId=" + eventTypeId + ", subscriberUrl=" + subscriberUrl + ", eventTriggers="
                + eventTriggers + ", active=" + active + ", createdAt=" + createdAt + "]";
    }
}
