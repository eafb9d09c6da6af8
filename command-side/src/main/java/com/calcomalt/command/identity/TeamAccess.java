package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;

/**
 * What the caller is to a team at the moment of the command: their accepted role in it and in its
 * organization. Gathered from the command side's lookups by {@link IdentityCommandFacts}.
 *
 * @param roleInTeam         the caller's role if their membership is accepted, else null
 * @param invitedToTeam      the caller has a membership of the team, accepted or not
 * @param roleInOrganization the caller's accepted role in the team's organization (the team itself
 *                           when it is one, its parent when it is a sub-team), else null
 */
public record TeamAccess(Caller caller, int teamId, boolean isOrganization, Integer organizationId,
                         MembershipRole roleInTeam, boolean invitedToTeam, MembershipRole roleInOrganization) {

    /** A team key acts only within its own team and, for an organization's key, its sub-teams. */
    private boolean inScope() {
        return caller.teamScope() == null || caller.teamScope() == teamId
                || (organizationId != null && caller.teamScope().equals(organizationId));
    }

    /** ADMIN or OWNER of the team or of its organization, or a system admin. */
    public boolean runsTeam() {
        return caller.systemAdmin() || (inScope() && ((roleInTeam != null && roleInTeam.runsTeam())
                || (roleInOrganization != null && roleInOrganization.runsTeam())));
    }

    /** OWNER of the team or of its organization, or a system admin. */
    public boolean ownsTeam() {
        return caller.systemAdmin() || (inScope()
                && (roleInTeam == MembershipRole.OWNER || roleInOrganization == MembershipRole.OWNER));
    }
}
