package com.calcomalt.contracts.features;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new flag, by a system admin; null {@code enabled} and {@code type} take cal.com's defaults (false, RELEASE). */
public record CreateFeature(String slug, Boolean enabled, String description, FeatureType type) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return FeatureIds.feature(slug);
    }
}
