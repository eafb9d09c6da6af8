package com.calcomalt.contracts.billing;

import com.calcomalt.contracts.identity.TargetsTeam;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The subscription's lifecycle reached the billing row: PAST_DUE, CANCELLED, ACTIVE again, ... */
public record ChangeBillingStatus(int teamId, SubscriptionStatus status) implements TargetsTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BillingIds.billing(teamId);
    }
}
