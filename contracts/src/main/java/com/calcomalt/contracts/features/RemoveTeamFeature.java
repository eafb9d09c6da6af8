package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.TargetsTeam;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The team inherits the flag again (cal.com's "inherit" state: its row is deleted). */
public record RemoveTeamFeature(int teamId, String slug) implements TargetsTeam, NamesFeature {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return FeatureIds.teamFeature(teamId, slug);
    }
}
