package com.calcomalt.contracts.notifications;

import java.util.List;

/** A webhook's deliveries, newest first. */
public record WebhookDeliveries(List<WebhookDeliveryView> deliveries) {
}
