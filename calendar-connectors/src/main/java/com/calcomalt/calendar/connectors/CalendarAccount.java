package com.calcomalt.calendar.connectors;

/** Where a calendar server is and how to log in; username and password are null for ICS feeds. */
public record CalendarAccount(String url, String username, String password) {

    /** Without the password: accounts end up in logs and exception messages. */
    @Override
    public String toString() {
        return "CalendarAccount[url=" + url + ", username=" + username + ", password="
                + (password == null ? "null" : "***") + "]";
    }
}
