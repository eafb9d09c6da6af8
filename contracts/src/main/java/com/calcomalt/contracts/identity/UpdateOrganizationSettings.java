package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes an organization's settings, like a PATCH: what is null stays. */
public record UpdateOrganizationSettings(int teamId, OrganizationSettings settings) implements TargetsTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamIds.aggregateId(teamId);
    }
}
