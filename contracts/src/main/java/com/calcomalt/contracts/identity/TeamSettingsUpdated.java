package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The whole settings after the change. */
@Revision("1")
public record TeamSettingsUpdated(int teamId, TeamSettings settings, Instant updatedAt) {
}
