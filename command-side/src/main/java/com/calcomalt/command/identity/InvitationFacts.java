package com.calcomalt.command.identity;

/**
 * What deciding an invitation or its acceptance needs to know beyond the membership itself.
 *
 * @param invitee                the invited user, null if there is no such user
 * @param acceptedInOrganization the invitee is an accepted member of the team's organization
 * @param orgAutoAcceptEmail     the organization's email domain whose users join without accepting
 */
public record InvitationFacts(UserFacts invitee, boolean acceptedInOrganization, String orgAutoAcceptEmail,
                              boolean memberOfSubTeams) {
}
