package com.calcomalt.contracts.features;

import java.util.List;

/** The flags the caller has, by slug. */
public record CallerFeatures(List<CallerFeature> features) {
}
