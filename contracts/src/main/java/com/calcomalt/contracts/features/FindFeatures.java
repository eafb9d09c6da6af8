package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.Caller;

/** Answered with a {@link FeatureList}: every flag by slug for system admins, none for anyone else. */
public record FindFeatures(Caller caller) {
}
