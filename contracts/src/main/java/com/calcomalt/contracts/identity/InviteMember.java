package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Invites a user into a team with a role; {@code profileId} is used if joining an organization creates
 * the user's profile there. {@code accepted} and {@code disableImpersonation} are cal.com's
 * CreateTeamMembershipInput's: a membership made accepted, or not impersonable, from the start.
 */
public record InviteMember(int membershipId, int teamId, int userId, MembershipRole role, int profileId,
                           boolean accepted, boolean disableImpersonation) implements TargetsTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MembershipIds.aggregateId(membershipId);
    }
}
