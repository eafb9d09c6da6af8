package com.calcomalt.contracts.features;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grants a flag to one user or refuses it to them whatever their teams have, by a system admin. */
public record SetUserFeature(int userId, String slug, boolean enabled) implements NamesFeature {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return FeatureIds.userFeature(userId, slug);
    }
}
