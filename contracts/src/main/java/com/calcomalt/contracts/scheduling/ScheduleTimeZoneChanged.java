package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ScheduleTimeZoneChanged(int scheduleId, int userId, String timeZone, Instant changedAt) {
}
