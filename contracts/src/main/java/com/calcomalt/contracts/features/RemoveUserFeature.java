package com.calcomalt.contracts.features;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The user inherits the flag from their teams again. */
public record RemoveUserFeature(int userId, String slug) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return FeatureIds.userFeature(userId, slug);
    }
}
