package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Settings are complete, with cal.com's defaults; teamId, length and parentId are what BookingDenormalized needs. */
@Revision("1")
public record EventTypeCreated(int eventTypeId, Integer userId, Integer teamId, Integer parentId, SchedulingType schedulingType, EventTypeSettings settings, Instant createdAt) {
}
