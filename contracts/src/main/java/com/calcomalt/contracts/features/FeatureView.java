package com.calcomalt.contracts.features;

import java.time.Instant;

/** A flag as cal.com's {@code Feature} row holds it. */
public record FeatureView(String slug, boolean enabled, String description, FeatureType type, boolean stale,
                          Instant lastUsedAt, Instant createdAt, Instant updatedAt, Integer updatedBy) {
}
