package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/**
 * Answered with Optional {@link BookingReferences}, those not deleted, of one {@code type} when it is
 * not null: empty when there is no such booking or the caller is not on its host side.
 */
public record FindBookingReferences(String uid, String type, Caller caller) {
}
