package com.calcomalt.contracts.features;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The whole flag after the change, so a reader needs no earlier event to know it. */
@Revision("1")
public record FeatureChanged(String slug, boolean enabled, String description, FeatureType type, boolean stale,
                             int updatedBy, Instant at) {
}
