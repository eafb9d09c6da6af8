package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The whole settings after the change, with the owner, team and parent that BookingDenormalized follows. */
@Revision("1")
public record EventTypeUpdated(int eventTypeId, Integer userId, Integer teamId, Integer parentId, EventTypeSettings settings, Instant updatedAt) {
}
