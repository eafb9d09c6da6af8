package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Whether the team's admins may impersonate this member. */
public record ChangeMembershipImpersonation(int membershipId, boolean disableImpersonation) implements TargetsMembership {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MembershipIds.aggregateId(membershipId);
    }
}
