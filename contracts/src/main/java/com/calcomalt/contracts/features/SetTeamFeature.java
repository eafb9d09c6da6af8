package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.TargetsTeam;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grants a flag to a team or organization ({@code enabled} true) or refuses it there ({@code enabled}
 * false, which its sub-teams then inherit instead of the organization's grant), as cal.com's
 * {@code setTeamFeatureState} "enabled" and "disabled".
 */
public record SetTeamFeature(int teamId, String slug, boolean enabled) implements TargetsTeam, NamesFeature {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return FeatureIds.teamFeature(teamId, slug);
    }
}
