package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a team, or an organization when {@code isOrganization}; a sub-team names its organization as
 * {@code parentId}. The caller becomes its accepted OWNER, unless a system admin creating an organization
 * names another user by {@code orgOwnerEmail} (null: the caller). Every id is decided before the command
 * is sent.
 */
public record CreateTeam(int teamId, String name, String slug, Integer parentId, boolean isOrganization, TeamSettings settings, Integer organizationSettingsId, OrganizationSettings organizationSettings, int ownerMembershipId, int ownerProfileId, String orgOwnerEmail) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamIds.aggregateId(teamId);
    }
}
