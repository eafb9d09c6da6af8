package com.calcomalt.contracts.features;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TeamFeatureRemoved(int teamId, String slug, int removedBy, Instant at) {
}
