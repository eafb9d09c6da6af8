package com.calcomalt.contracts.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of a webhook and every try of it. {@code status}: PENDING (due or being retried),
 * SUCCEEDED, FAILED (a 4xx, or the tries ran out) or CANCELLED (its booking was cancelled or moved
 * before a scheduled trigger fired, or the webhook went away).
 */
public record WebhookDeliveryView(String id, String webhookId, String triggerEvent, Integer bookingId,
                                  String subscriberUrl, String status, Instant dueAt, Instant createdAt,
                                  Instant completedAt, String payload, List<Attempt> attempts) {

    public record Attempt(int attempt, Instant attemptedAt, long durationMs, Integer httpStatus, String error) {
    }
}
