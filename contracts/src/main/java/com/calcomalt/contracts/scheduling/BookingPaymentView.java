package com.calcomalt.contracts.scheduling;

/**
 * A payment of a booking as cal.com's Payment row has it, in a booking's {@code payment} list (cal.com
 * API v2 shows {@code paid} and {@code payment} on a booking). Only the booking's host side sees it.
 * {@code clientSecret} is what the booker confirms the PaymentIntent (or SetupIntent) with: given in
 * the answer to the booking's request only, null elsewhere.
 */
public record BookingPaymentView(int id, String uid, String appId, int amount, int fee, String currency,
                                 boolean success, boolean refunded, PaymentOption paymentOption, String externalId,
                                 String clientSecret) {
}
