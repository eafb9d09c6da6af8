package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** When the default schedule goes, {@code newDefaultScheduleId} is the user's default from now on. */
@Revision("1")
public record ScheduleDeleted(int scheduleId, int userId, Integer newDefaultScheduleId, Instant deletedAt) {
}
