package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.Caller;

/** Answered with the {@link CallerFeature}s the caller has, by slug, as {@link FeatureEvaluation} decides. */
public record FindCallerFeatures(Caller caller) {
}
