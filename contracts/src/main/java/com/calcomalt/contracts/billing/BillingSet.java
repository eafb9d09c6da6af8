package com.calcomalt.contracts.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The whole row; {@code organization} says whether it is an OrganizationBilling or a TeamBilling row. */
@Revision("1")
public record BillingSet(int teamId, boolean organization, String billingId, String subscriptionId,
                         String subscriptionItemId, String customerId, SubscriptionStatus status, String planName,
                         BillingPeriod billingPeriod, Integer pricePerSeat, Integer paidSeats,
                         Instant subscriptionStart, Instant subscriptionEnd, Instant subscriptionTrialEnd,
                         Instant createdAt, Instant updatedAt) {
}
