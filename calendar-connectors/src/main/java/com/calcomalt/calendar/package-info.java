/**
 * Calendar context, connector side: the busy times of users' external calendars, read in parallel
 * and kept in cal.com's "CalendarCache" table. Knows nothing of commands, events or read models.
 */
package com.calcomalt.calendar;
