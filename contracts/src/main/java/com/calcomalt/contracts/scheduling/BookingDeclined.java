package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The host rejected a pending booking; cal.com clears its idempotencyKey. */
@Revision("1")
public record BookingDeclined(String uid, int bookingId, String rejectionReason, int declinedBy, Instant updatedAt) implements BookingChange {
}
