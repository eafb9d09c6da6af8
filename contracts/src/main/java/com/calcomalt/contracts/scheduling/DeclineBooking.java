package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects a booking that waits for the host's confirmation. */
public record DeclineBooking(String uid, String reason) implements TargetsBooking {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
