package com.calcomalt.command.features;

import com.calcomalt.contracts.features.FeatureType;

/** A flag as a grant of it needs to know it, from the command side's lookup in the command's transaction. */
record FeatureFacts(String slug, boolean enabled, FeatureType type) {
}
