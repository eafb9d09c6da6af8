package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Replaces every weekly range of the schedule. */
@Revision("1")
public record WeeklyAvailabilitySet(int scheduleId, int userId, List<WeeklyRange> availability, Instant setAt) {
}
