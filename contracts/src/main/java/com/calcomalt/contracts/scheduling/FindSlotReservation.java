package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/**
 * Answered with Optional {@link SlotReservationView}: empty when no slot is held under this uid, or
 * the caller is neither who holds it nor a system admin (those alone may release it).
 */
public record FindSlotReservation(String uid, Caller caller) {
}
