package com.calcomalt.contracts.scheduling;

import java.time.Instant;

/** Counts of bookings by timeStatus and by status from BookingTimeStatusDenormalized. {@code scope} is user, team or org; a team or org scope names its {@code teamId}; the range is on startTime. */
public record FindBookingInsights(String scope, Integer teamId, Instant from, Instant to, com.calcomalt.contracts.identity.Caller caller) {
}
