package com.calcomalt.contracts.features;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * What a cal.com {@code Feature} row says beyond our flag events: who changed it last, null where it names
 * no one (our events say 0 then), and when it was last used.
 */
@Revision("1")
public record FeatureDetailsImported(String slug, Integer updatedBy, Instant lastUsedAt) {
}
