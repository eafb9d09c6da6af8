package com.calcomalt.contracts.features;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record FeatureCreated(String slug, boolean enabled, String description, FeatureType type, int updatedBy,
                             Instant at) {
}
