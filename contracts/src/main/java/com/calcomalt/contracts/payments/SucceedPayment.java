package com.calcomalt.contracts.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment app says the booker paid (or, for a HOLD, that the card is saved); {@code appEventId} is its event's id. */
public record SucceedPayment(String uid, String appEventId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.aggregateId(uid);
    }
}
