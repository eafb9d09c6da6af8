package com.calcomalt.calendar.connectors;

import java.time.Instant;
import java.util.List;

/**
 * One kind of external calendar a user can connect, as cal.com's calendar apps are. Every method
 * throws {@link CalendarAuthenticationFailed} when the server refuses the login,
 * {@link CalendarUnreachable} when it does not answer in time, and {@link CalendarRefused} for
 * any other answer it cannot use.
 */
public interface CalendarConnector {

    /** cal.com's Credential.type, such as "caldav_calendar". */
    String type();

    /** cal.com's App slug, such as "caldav-calendar". */
    String appId();

    /** Whether bookings can be written into its calendars; ICS feeds are read-only. */
    boolean writable();

    /** Checks that the server answers and accepts the login, and lists the calendars found. */
    List<ExternalCalendar> connect(CalendarAccount account);

    /** Busy intervals of the given calendars overlapping [from, to), recurrences expanded. */
    List<BusyTime> busyTimes(CalendarAccount account, List<String> externalIds, Instant from, Instant to);

    /** Writes a new event named after its UID into the calendar. */
    WrittenEvent create(CalendarAccount account, String externalId, CalendarEventDraft event);

    /** Replaces an event written before; recreates it when someone deleted it on the server. */
    WrittenEvent update(CalendarAccount account, WrittenEvent existing, CalendarEventDraft event);

    /** Removes an event written before; one already gone counts as removed. */
    void delete(CalendarAccount account, WrittenEvent existing);
}
