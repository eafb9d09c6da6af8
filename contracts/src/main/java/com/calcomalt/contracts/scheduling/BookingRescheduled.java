package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A booking was replaced by {@code newUid}: it is cancelled and marked rescheduled. */
@Revision("1")
public record BookingRescheduled(String uid, int bookingId, String newUid, String cancellationReason, String rescheduledBy, Instant updatedAt) implements BookingChange {
}
