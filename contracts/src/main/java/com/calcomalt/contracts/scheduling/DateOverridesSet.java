package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Replaces every date override of the schedule. */
@Revision("1")
public record DateOverridesSet(int scheduleId, int userId, List<DateOverride> overrides, Instant setAt) {
}
