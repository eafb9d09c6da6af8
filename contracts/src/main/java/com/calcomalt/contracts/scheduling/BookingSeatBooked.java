package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One more seat of a seated booking was taken. */
@Revision("1")
public record BookingSeatBooked(String uid, int bookingId, BookingSeatData seat, Instant updatedAt) implements BookingChange {
}
