package com.calcomalt.contracts.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BillingStatusChanged(int teamId, boolean organization, String billingId, SubscriptionStatus status,
                                   Instant updatedAt) {
}
