package com.calcomalt.calendar.connectors;

/** The server answered, but not with anything usable: an unexpected status, malformed data, not a CalDAV server. */
public class CalendarRefused extends RuntimeException {

    public CalendarRefused(String message) {
        super(message);
    }

    public CalendarRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
