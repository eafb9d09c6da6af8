package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin or owner takes a member out of the team. */
public record RemoveMember(int membershipId) implements TargetsMembership {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MembershipIds.aggregateId(membershipId);
    }
}
