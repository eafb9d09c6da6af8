package com.calcomalt.contracts.scheduling;

/** Answered with an Optional {@link BookingHistory}: the events of the booking and of the bookings it was rescheduled from or to, in the order they happened. */
public record FindBookingHistory(String uid, com.calcomalt.contracts.identity.Caller caller) {
}
