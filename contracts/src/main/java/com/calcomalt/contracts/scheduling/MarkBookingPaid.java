package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The booking's payment went through (sent by Payments, never by a caller). */
public record MarkBookingPaid(String uid, String paymentUid) implements TargetsBooking {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
