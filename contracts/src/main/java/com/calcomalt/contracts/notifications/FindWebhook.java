package com.calcomalt.contracts.notifications;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<WebhookView>}: empty unless the caller may manage it. */
public record FindWebhook(String webhookId, Caller caller) {
}
