package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ScheduleRenamed(int scheduleId, int userId, String name, Instant renamedAt) {
}
