package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<FeatureView>}: empty unless the flag exists and the caller is a system admin. */
public record FindFeature(Caller caller, String slug) {
}
