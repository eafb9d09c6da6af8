package com.calcomalt.command.notifications;

import com.calcomalt.platform.operations.OperationsCount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Webhook deliveries an operator watches. Both counts read partial indexes (V17's pending one, V24's
 * failed one), which hold only such rows, however many deliveries succeeded.
 */
@Configuration
class WebhookDeliveryCounts {

    /** Gave up: the last try got a 4xx, or every try failed (see {@link WebhookDeliveryTask}). */
    @Bean
    OperationsCount failedWebhookDeliveries() {
        return OperationsCount.of("webhookDeliveries", "failed", "calalt.webhook.deliveries.failed",
                "Webhook deliveries given up on", """
                        select count(*) from notifications.webhook_deliveries where status = 'FAILED'""");
    }

    /** Tried and waiting for the next try: a subscriber that is down shows here first. */
    @Bean
    OperationsCount retryingWebhookDeliveries() {
        return OperationsCount.of("webhookDeliveries", "retrying", "calalt.webhook.deliveries.retrying",
                "Webhook deliveries tried without success and due to be tried again", """
                        select count(*) from notifications.webhook_deliveries d where d.status = 'PENDING'
                        and exists (select 1 from notifications.webhook_delivery_attempts a where a.delivery_id = d.id)""");
    }
}
