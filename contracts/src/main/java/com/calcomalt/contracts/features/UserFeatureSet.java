package com.calcomalt.contracts.features;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code assignedAt} is when the row was first made; a change keeps it, as cal.com's upsert does. */
@Revision("1")
public record UserFeatureSet(int userId, String slug, boolean enabled, String assignedBy, Instant assignedAt,
                             Instant updatedAt) {
}
