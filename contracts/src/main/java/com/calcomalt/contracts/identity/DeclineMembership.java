package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclineMembership(int membershipId) implements TargetsMembership {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MembershipIds.aggregateId(membershipId);
    }
}
