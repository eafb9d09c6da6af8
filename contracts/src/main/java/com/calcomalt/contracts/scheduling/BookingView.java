package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A booking as cal.com API v2 shows it. {@code status} is the database label; collective co-hosts are in {@code hosts}; guests are attendees too, listed by email in {@code guests}; {@code paid} and {@code payment} (empty unless the caller is on the booking's host side) as cal.com's booking output has them. */
public record BookingView(int id, String uid, String title, String description, List<BookingHostView> hosts, String status, String cancellationReason, String cancelledByEmail, String reschedulingReason, String rescheduledByEmail, String rescheduledFromUid, String rescheduledToUid, Instant start, Instant end, int duration, Integer eventTypeId, BookingEventTypeRef eventType, String meetingUrl, String location, boolean absentHost, Instant createdAt, Instant updatedAt, Map<String, Object> metadata, Integer rating, String icsUid, List<BookingAttendeeView> attendees, List<String> guests, Map<String, Object> bookingFieldsResponses, List<BookingSeatView> seats, boolean paid, List<BookingPaymentView> payment) {
}
