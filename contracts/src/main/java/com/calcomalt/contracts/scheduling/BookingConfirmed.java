package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The host accepted a pending booking. */
@Revision("1")
public record BookingConfirmed(String uid, int bookingId, int confirmedBy, Instant updatedAt) implements BookingChange {
}
