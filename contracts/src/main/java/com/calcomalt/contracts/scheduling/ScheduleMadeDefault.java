package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The user's default schedule is this one now (users.defaultScheduleId). */
@Revision("1")
public record ScheduleMadeDefault(int scheduleId, int userId, Instant madeDefaultAt) {
}
