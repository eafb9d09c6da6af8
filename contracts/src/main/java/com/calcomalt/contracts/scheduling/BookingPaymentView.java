package com.calcomalt.contracts.scheduling;

/**
 * A payment of a booking as cal.com's Payment row has it, in a booking's {@code payment} list (cal.com
 * API v2 shows {@code paid} and {@code payment} on a booking). Only the booking's host side sees it.
 * {@code clientSecret} is what the booker confirms the PaymentIntent (or SetupIntent) with: given in
 * the answer to the booking's request and by the payment's own page, null elsewhere.
 * {@code status} says where the payment is, since cal.com's row only says success and refunded:
 * {@code initiating} (Stripe has not made the intent yet), {@code requires_payment}, {@code failed}
 * (the last attempt failed; the booker may try again), {@code canceled}, {@code succeeded},
 * {@code refund_failed} (a refund is due, Stripe did not make it yet, and it is retried) or
 * {@code refunded}; {@code error} is why the last attempt to pay or to refund failed.
 */
public record BookingPaymentView(int id, String uid, String appId, int amount, int fee, String currency,
                                 boolean success, boolean refunded, PaymentOption paymentOption, String externalId,
                                 String clientSecret, String status, String error) {

    /** The status of a payment, from what both sides of the application keep of it. */
    public static String status(boolean initiated, boolean success, boolean refunded, int refundFailures,
                                boolean cancelled, boolean failed) {
        if (!initiated) {
            return "initiating";
        } else if (refunded) {
            return "refunded";
        } else if (success) {
            return refundFailures > 0 ? "refund_failed" : "succeeded";
        } else if (cancelled) {
            return "canceled";
        }
        return failed ? "failed" : "requires_payment";
    }
}
