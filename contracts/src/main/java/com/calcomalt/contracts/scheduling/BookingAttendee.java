package com.calcomalt.contracts.scheduling;

/** A person at a booking, as an Attendee row: the booker, a guest (whose name cal.com leaves empty), or a seat holder. */
public record BookingAttendee(int attendeeId, String name, String email, String timeZone, String locale, String phoneNumber) {
}
