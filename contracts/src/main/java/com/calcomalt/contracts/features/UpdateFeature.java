package com.calcomalt.contracts.features;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a flag as cal.com's admin toggle does, by a system admin; what is null stays. */
public record UpdateFeature(String slug, Boolean enabled, String description, FeatureType type, Boolean stale) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return FeatureIds.feature(slug);
    }
}
