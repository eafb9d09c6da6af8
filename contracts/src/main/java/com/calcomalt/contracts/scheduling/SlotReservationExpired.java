package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SlotReservationExpired(String uid, int reservationId, Instant expiredAt) {
}
