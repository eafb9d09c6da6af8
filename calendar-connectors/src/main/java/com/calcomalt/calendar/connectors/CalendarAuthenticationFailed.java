package com.calcomalt.calendar.connectors;

/** The server refused the login (HTTP 401 or 403). Messages never carry the password. */
public class CalendarAuthenticationFailed extends RuntimeException {

    public CalendarAuthenticationFailed(String message) {
        super(message);
    }

    public CalendarAuthenticationFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
