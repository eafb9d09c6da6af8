/**
 * Calendar Integration: connected calendars, selected and destination calendars and delegation credentials.
 * Writing bookings into destination calendars is Scheduling's ({@code command.scheduling.booking}), which
 * calls down into this context; nothing here knows bookings.
 */
package com.calcomalt.command.calendar;
