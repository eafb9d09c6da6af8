package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<UserFeatureGrants>}: empty unless the caller is that user or a system admin. */
public record FindUserFeatures(Caller caller, int userId) {
}
