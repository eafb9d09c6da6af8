package com.calcomalt.contracts.payments;

/** In the event store the stream of a payment is "payment:{uid}". */
public final class PaymentIds {

    private PaymentIds() {
    }

    public static String aggregateId(String uid) {
        return "payment:" + uid;
    }
}
