package com.calcomalt.contracts.scheduling;

import java.util.Map;

/** One seat of a seated booking, as a BookingSeat row with its Attendee; data holds the seat holder's responses. */
public record BookingSeatData(int seatId, String referenceUid, BookingAttendee attendee, Map<String, Object> data, Map<String, Object> metadata) {
}
