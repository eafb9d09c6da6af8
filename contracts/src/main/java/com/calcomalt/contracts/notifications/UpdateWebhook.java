package com.calcomalt.contracts.notifications;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes a webhook like a PATCH: what is null stays as it is; an empty secret or template removes it.
 * A new secret comes sealed by the web layer.
 */
public record UpdateWebhook(String webhookId, String subscriberUrl, List<WebhookTriggerEvent> eventTriggers,
                            String encryptedSecret, String payloadTemplate, Integer time, TimeUnit timeUnit, Boolean active) implements TargetsWebhook {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WebhookIds.aggregateId(webhookId);
    }

    @Override
    public String toString() {
        return "UpdateWebhook[webhookId=" + webhookId + ", subscriberUrl=" + subscriberUrl + ", eventTriggers="
                + eventTriggers + ", encryptedSecret=" + (encryptedSecret == null ? null : "***") + ", active="
                + active + "]";
    }
}
