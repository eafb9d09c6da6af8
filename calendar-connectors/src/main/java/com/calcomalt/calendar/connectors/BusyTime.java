package com.calcomalt.calendar.connectors;

import java.time.Instant;

/** One busy interval; the UID lets callers skip the events that are their own bookings. */
public record BusyTime(Instant start, Instant end, String uid, String externalId) {
}
