package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BookingRated(String uid, int bookingId, int rating, String ratingFeedback, Instant updatedAt) implements BookingChange {
}
