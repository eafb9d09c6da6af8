/**
 * One {@link com.calcomalt.calendar.connectors.CalendarConnector} per kind of external calendar
 * (CalDAV, ICS feed), speaking HTTP, WebDAV XML and iCalendar, and nothing about bookings.
 */
package com.calcomalt.calendar.connectors;
