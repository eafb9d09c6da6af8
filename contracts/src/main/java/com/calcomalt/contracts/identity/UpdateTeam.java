package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames a team, changes its slug, or changes its branding and settings, like a PATCH: what is null stays. */
public record UpdateTeam(int teamId, String name, String slug, TeamSettings settings) implements TargetsTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamIds.aggregateId(teamId);
    }
}
