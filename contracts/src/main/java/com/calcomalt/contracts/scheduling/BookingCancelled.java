package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A booking was cancelled; cal.com clears its idempotencyKey. cancelledBy is an email, as cal.com keeps it. */
@Revision("1")
public record BookingCancelled(String uid, int bookingId, String cancellationReason, String cancelledBy, Instant updatedAt) implements BookingChange {
}
