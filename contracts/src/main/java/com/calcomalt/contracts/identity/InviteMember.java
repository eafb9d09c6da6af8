package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Invites a user into a team with a role; {@code profileId} is used if joining an organization creates the user's profile there. */
public record InviteMember(int membershipId, int teamId, int userId, MembershipRole role, int profileId) implements TargetsTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MembershipIds.aggregateId(membershipId);
    }
}
