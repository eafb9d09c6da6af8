package com.calcomalt.contracts.scheduling;

/** Answered with a {@link BookingPage} of the bookings the caller may see: as host, as attendee (by email), or as ADMIN/OWNER of the event type's team or its organization; system admins see all. */
public record FindBookings(BookingFilter filter, com.calcomalt.contracts.identity.Caller caller) {
}
