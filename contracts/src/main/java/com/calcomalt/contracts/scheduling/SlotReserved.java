package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SlotReserved(String uid, int reservationId, int eventTypeId, int userId, Instant slotStart, Instant slotEnd, Instant releaseAt, boolean isSeat, Instant reservedAt) {
}
