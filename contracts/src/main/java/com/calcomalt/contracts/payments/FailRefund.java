package com.calcomalt.contracts.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment app refused or missed the refund of a paid payment; it is tried again. {@code attempt}
 * counts the failed attempts, so the same attempt reported twice is recorded once.
 */
public record FailRefund(String uid, int attempt, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.aggregateId(uid);
    }
}
