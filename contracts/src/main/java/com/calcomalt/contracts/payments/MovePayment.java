package com.calcomalt.contracts.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The paid booking was rescheduled: its payment now belongs to the booking that replaced it, as in cal.com. */
public record MovePayment(String uid, int bookingId, String bookingUid) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.aggregateId(uid);
    }
}
