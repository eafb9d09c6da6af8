package com.calcomalt.contracts.features;

import java.util.List;

/** A team's own grants and refusals, by slug: what it inherits from its organization is not listed. */
public record TeamFeatureGrants(List<FeatureAssignmentView> features) {
}
