package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/**
 * Answered with Optional {@link BookingInternalNotes}: empty when there is no such booking or the
 * caller is not on its host side.
 */
public record FindBookingInternalNotes(String uid, Caller caller) {
}
