package com.calcomalt.contracts.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment app refunded the payment; {@code refundId} is its refund's id. */
public record RefundPayment(String uid, String refundId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.aggregateId(uid);
    }
}
