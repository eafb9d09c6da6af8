package com.calcomalt.contracts.features;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserFeatureRemoved(int userId, String slug, int removedBy, Instant at) {
}
