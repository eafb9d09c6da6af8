package com.calcomalt.contracts.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment app says the payment can no longer be made (Stripe's intent was canceled); {@code appEventId} is its event. */
public record CancelPayment(String uid, String appEventId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.aggregateId(uid);
    }
}
