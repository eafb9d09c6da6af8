package com.calcomalt.contracts.billing;

import java.time.Instant;

/** A billing row as the API shows it. */
public record BillingView(String id, int teamId, boolean organization, String planName, SubscriptionStatus status,
                          BillingPeriod billingPeriod, Integer pricePerSeat, Integer paidSeats,
                          String subscriptionId, String subscriptionItemId, String customerId,
                          Instant subscriptionStart, Instant subscriptionEnd, Instant subscriptionTrialEnd,
                          Instant createdAt, Instant updatedAt) {

    public static BillingView of(BillingSet event) {
        return new BillingView(event.billingId(), event.teamId(), event.organization(), event.planName(),
                event.status(), event.billingPeriod(), event.pricePerSeat(), event.paidSeats(), event.subscriptionId(),
                event.subscriptionItemId(), event.customerId(), event.subscriptionStart(), event.subscriptionEnd(),
                event.subscriptionTrialEnd(), event.createdAt(), event.updatedAt());
    }
}
