package com.calcomalt.contracts.automation;

import com.calcomalt.contracts.scheduling.BookingAttendee;
import java.time.Instant;
import java.util.List;

/**
 * What a reminder says about its booking, taken from the booking's events when it is planned:
 * enough to address and fill the message without reading the booking again. {@code attendees}
 * are the people the booking's attendee-facing steps write to (a seat's reminder: its holder only).
 */
public record ReminderBooking(String uid, int bookingId, Integer eventTypeId, String title, String description,
                              Instant startTime, Instant endTime, String location, String organizerName,
                              String organizerEmail, String organizerTimeZone, List<BookingAttendee> attendees,
                              String smsReminderNumber, String cancellationReason) {
}
