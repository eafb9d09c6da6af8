package com.calcomalt.contracts.features;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<TeamFeatureGrants>}: empty when the caller may not see the team. */
public record FindTeamFeatures(Caller caller, int teamId) {
}
