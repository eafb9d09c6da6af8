package com.calcomalt.contracts.payments;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment app charged the card a HOLD payment saved, for the attendee's no-show;
 * {@code chargeId} is the PaymentIntent that charged it.
 */
public record ChargeHeldPayment(String uid, String chargeId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.aggregateId(uid);
    }
}
