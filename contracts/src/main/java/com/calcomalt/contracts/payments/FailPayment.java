package com.calcomalt.contracts.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment app says the booker's attempt to pay failed; the booker may try again. */
public record FailPayment(String uid, String appEventId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.aggregateId(uid);
    }
}
