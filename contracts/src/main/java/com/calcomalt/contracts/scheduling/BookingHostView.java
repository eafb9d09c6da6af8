package com.calcomalt.contracts.scheduling;

/** {@code displayEmail} is cal.com's "clean email for display": the email itself here. */
public record BookingHostView(int id, String name, String email, String displayEmail, String username,
                              String timeZone) {

    public BookingHostView(int id, String name, String email, String username, String timeZone) {
        this(id, name, email, email, username, timeZone);
    }
}
