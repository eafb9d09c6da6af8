package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Settings are complete here, with cal.com's defaults where nothing was asked for. */
@Revision("1")
public record TeamCreated(int teamId, String name, String slug, Integer parentId, boolean isOrganization, TeamSettings settings, int createdByUserId, Instant createdAt) {
}
