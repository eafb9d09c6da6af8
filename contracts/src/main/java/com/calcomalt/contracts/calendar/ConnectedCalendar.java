package com.calcomalt.contracts.calendar;

/**
 * One calendar found in a connected account when it was connected.
 *
 * @param externalId the calendar's address, as cal.com's SelectedCalendar and DestinationCalendar name it
 * @param readOnly   bookings cannot be written to it (every ICS feed, and CalDAV calendars without write rights)
 */
public record ConnectedCalendar(String externalId, String name, boolean readOnly, String primaryEmail) {
}
