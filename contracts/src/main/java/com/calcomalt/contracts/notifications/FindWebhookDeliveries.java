package com.calcomalt.contracts.notifications;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<WebhookDeliveries>}: empty unless the caller may see the webhook. */
public record FindWebhookDeliveries(String webhookId, Caller caller) {
}
