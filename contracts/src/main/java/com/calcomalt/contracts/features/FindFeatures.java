package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.Caller;

/** Answered with every {@link FeatureView} by slug, for system admins; empty for anyone else. */
public record FindFeatures(Caller caller) {
}
