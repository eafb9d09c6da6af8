package com.calcomalt.contracts.notifications;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateWebhook(String webhookId) implements TargetsWebhook {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WebhookIds.aggregateId(webhookId);
    }
}
