package com.calcomalt.calendar.connectors;

/** The server did not answer: connection refused, unknown host, TLS failure, timeout or a 5xx. */
public class CalendarUnreachable extends RuntimeException {

    public CalendarUnreachable(String message) {
        super(message);
    }

    public CalendarUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
