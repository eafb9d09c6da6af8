package com.calcomalt.contracts.notifications;

/** A command on an existing webhook: the team or event type it is scoped to decides who may send it. */
public interface TargetsWebhook {

    String webhookId();
}
