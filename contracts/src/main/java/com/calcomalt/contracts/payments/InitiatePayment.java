package com.calcomalt.contracts.payments;

import com.calcomalt.contracts.scheduling.PaymentOption;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start the payment of a booking with what the payment app made of it: {@code externalId} is the
 * app's own id (Stripe's PaymentIntent or SetupIntent), {@code data} what the app answered, with
 * what the booker needs to pay (Stripe's client secret). {@code paymentId} is the row's serial id.
 */
public record InitiatePayment(String uid, int paymentId, int bookingId, String bookingUid, String appId, int amount,
                              int fee, String currency, String externalId, PaymentOption paymentOption,
                              Map<String, Object> data) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PaymentIds.aggregateId(uid);
    }
}
