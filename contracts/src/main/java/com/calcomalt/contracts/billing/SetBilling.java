package com.calcomalt.contracts.billing;

import com.calcomalt.contracts.identity.TargetsTeam;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets a team's or organization's billing row whole, as the payment provider's subscription has it.
 * {@code paidSeats} null means no seat limit. Provider ids left out are made from the team id.
 */
public record SetBilling(int teamId, String planName, SubscriptionStatus status, BillingPeriod billingPeriod,
                         Integer pricePerSeat, Integer paidSeats, String subscriptionId, String subscriptionItemId,
                         String customerId, Instant subscriptionStart, Instant subscriptionEnd,
                         Instant subscriptionTrialEnd) implements TargetsTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BillingIds.billing(teamId);
    }
}
