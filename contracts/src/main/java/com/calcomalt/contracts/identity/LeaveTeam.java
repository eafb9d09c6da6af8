package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member takes themselves out of the team. */
public record LeaveTeam(int membershipId) implements TargetsMembership {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MembershipIds.aggregateId(membershipId);
    }
}
