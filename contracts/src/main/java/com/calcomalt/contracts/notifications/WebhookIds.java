package com.calcomalt.contracts.notifications;

/** In the event store the stream of a webhook is "webhook:{id}". */
public final class WebhookIds {

    private WebhookIds() {
    }

    public static String aggregateId(String webhookId) {
        return "webhook:" + webhookId;
    }
}
