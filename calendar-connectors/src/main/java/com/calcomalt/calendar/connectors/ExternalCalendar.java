package com.calcomalt.calendar.connectors;

/**
 * A calendar found on the server. The externalId is the collection's absolute URL, as cal.com
 * stores it for CalDAV, or the feed's URL for an ICS feed.
 */
public record ExternalCalendar(String externalId, String name, boolean readOnly, String primaryEmail) {
}
