package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.Caller;

/** Answered with {@link CallerFeatures}: what the caller has, as {@link FeatureEvaluation} decides. */
public record FindCallerFeatures(Caller caller) {
}
