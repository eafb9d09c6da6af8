package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A booking of a paid event type was made, PENDING and unpaid, and must be paid through the event
 * type's payment app: what it costs, in minor units, and how it refunds, as the event type said
 * when it was booked.
 */
@Revision("1")
public record BookingPaymentRequired(String uid, int bookingId, String appId, int amount, String currency,
                                     PaymentOption paymentOption, RefundPolicy refundPolicy, Integer refundDaysCount,
                                     Instant at) implements BookingChange {
}
