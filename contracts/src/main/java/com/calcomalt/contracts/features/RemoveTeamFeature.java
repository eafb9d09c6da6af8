package com.calcomalt.contracts.features;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The team inherits the flag again (cal.com's "inherit" state: its row is deleted). */
public record RemoveTeamFeature(int teamId, String slug) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return FeatureIds.teamFeature(teamId, slug);
    }
}
