package com.calcomalt.contracts.scheduling;

/** {@code language} is the Attendee row's locale, {@code absent} its noShow. */
public record BookingAttendeeView(String name, String email, String timeZone, String language, boolean absent, String phoneNumber) {
}
