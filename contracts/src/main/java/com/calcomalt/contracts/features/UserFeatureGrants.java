package com.calcomalt.contracts.features;

import java.util.List;

/** A user's own grants and refusals, by slug: what their teams give them is not listed. */
public record UserFeatureGrants(List<FeatureAssignmentView> features) {
}
