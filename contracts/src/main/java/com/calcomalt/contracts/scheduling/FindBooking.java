package com.calcomalt.contracts.scheduling;

/** Answered with an Optional {@link BookingView}: empty when there is none or the caller may not see it. */
public record FindBooking(String uid, com.calcomalt.contracts.identity.Caller caller) {
}
