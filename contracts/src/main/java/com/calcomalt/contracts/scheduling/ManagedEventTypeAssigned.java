package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member got their own child of a managed event type; the child's creation follows. */
@Revision("1")
public record ManagedEventTypeAssigned(int eventTypeId, int userId, int childEventTypeId, Instant assignedAt) {
}
