package com.calcomalt.contracts.calendar;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an Optional list of {@link BookingCalendarEvent}: empty when the caller may not see the booking. */
public record FindBookingCalendarEvents(String uid, Caller caller) {
}
