package com.calcomalt.contracts.features;

/** A flag the caller has. */
public record CallerFeature(String slug, FeatureType type, String description) {
}
