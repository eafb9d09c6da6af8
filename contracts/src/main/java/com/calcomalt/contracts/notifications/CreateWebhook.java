package com.calcomalt.contracts.notifications;

import java.util.List;

/**
 * Subscribes a URL to some triggers for one owner: a user, a team, or one event type (exactly one
 * of {@code userId}, {@code teamId}, {@code eventTypeId}). The secret signs every delivery.
 */
public record CreateWebhook(String webhookId, Integer userId, Integer teamId, Integer eventTypeId,
                            String subscriberUrl, List<WebhookTriggerEvent> eventTriggers, String secret,
                            boolean active, String payloadTemplate, Integer time, TimeUnit timeUnit) {

    @Override
    public String toString() {
        return "CreateWebhook[webhookId=" + webhookId + ", userId=" + userId + ", teamId=" + teamId + ", eventTypeId="
                + eventTypeId + ", subscriberUrl=" + subscriberUrl + ", eventTriggers=" + eventTriggers
                + ", secret=" + (secret == null ? null : "***") + "]";
    }
}
