package com.calcomalt.contracts.scheduling;

/**
 * {@code language} is the Attendee row's locale, {@code absent} its noShow. {@code displayEmail}
 * is cal.com's "clean email for display": the email itself, as we make no platform-suffixed emails.
 */
public record BookingAttendeeView(String name, String email, String displayEmail, String timeZone, String language,
                                  boolean absent, String phoneNumber) {

    public BookingAttendeeView(String name, String email, String timeZone, String language, boolean absent,
                               String phoneNumber) {
        this(name, email, email, timeZone, language, absent, phoneNumber);
    }
}
