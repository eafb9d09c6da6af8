package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.Map;

/** One step in a booking's life: the event's name (BookingRequested, ...), when, by which user, and its data. */
public record BookingHistoryEntry(String bookingUid, String type, Instant occurredAt, Integer byUserId, Map<String, Object> data) {
}
