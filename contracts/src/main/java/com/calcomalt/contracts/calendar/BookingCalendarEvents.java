package com.calcomalt.contracts.calendar;

import java.util.List;

/** The answer to {@link FindBookingCalendarEvents}. */
public record BookingCalendarEvents(List<BookingCalendarEvent> events) {
}
