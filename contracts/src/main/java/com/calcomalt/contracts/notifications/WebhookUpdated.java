package com.calcomalt.contracts.notifications;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A webhook's subscription changed; it carries the whole new state but {@code active}. The secret is never printed. */
@Revision("1")
public record WebhookUpdated(String webhookId, Integer userId, Integer teamId, Integer eventTypeId,
                             String subscriberUrl, List<WebhookTriggerEvent> eventTriggers, String secret,
                             String payloadTemplate, Integer time, TimeUnit timeUnit, Instant updatedAt) {

    @Override
    public String toString() {
        return "WebhookUpdated[webhookId=" + webhookId + ", subscriberUrl=" + subscriberUrl + ", eventTriggers="
                + eventTriggers + ", updatedAt=" + updatedAt + "]";
    }
}
