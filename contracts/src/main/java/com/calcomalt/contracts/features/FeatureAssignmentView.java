package com.calcomalt.contracts.features;

import java.time.Instant;

/**
 * A grant of a flag as cal.com's {@code TeamFeatures} or {@code UserFeatures} row holds it: exactly
 * one of {@code teamId} and {@code userId} is set.
 */
public record FeatureAssignmentView(Integer teamId, Integer userId, String featureId, boolean enabled,
                                    String assignedBy, Instant assignedAt, Instant updatedAt) {
}
