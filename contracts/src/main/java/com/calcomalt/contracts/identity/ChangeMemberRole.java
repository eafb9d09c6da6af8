package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeMemberRole(int membershipId, MembershipRole role) implements TargetsMembership {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MembershipIds.aggregateId(membershipId);
    }
}
