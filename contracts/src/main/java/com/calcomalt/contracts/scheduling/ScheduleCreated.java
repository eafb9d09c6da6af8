package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ScheduleCreated(int scheduleId, int userId, String name, String timeZone, List<WeeklyRange> availability, List<DateOverride> overrides, Instant createdAt) {
}
