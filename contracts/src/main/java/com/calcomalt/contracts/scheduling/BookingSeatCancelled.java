package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A seat was given back, with its attendee. */
@Revision("1")
public record BookingSeatCancelled(String uid, int bookingId, int seatId, String referenceUid, int attendeeId, Instant updatedAt) implements BookingChange {
}
