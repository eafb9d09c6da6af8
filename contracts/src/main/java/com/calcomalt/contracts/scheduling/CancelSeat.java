package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a seat back; the last seat given back cancels the booking. */
public record CancelSeat(String uid, String seatReferenceUid, String reason) implements TargetsBooking {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
