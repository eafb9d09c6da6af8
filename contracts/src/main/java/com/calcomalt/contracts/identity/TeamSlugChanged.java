package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TeamSlugChanged(int teamId, Integer parentId, String slug, Instant changedAt) {
}
