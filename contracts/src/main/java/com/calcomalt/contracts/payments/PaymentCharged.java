package com.calcomalt.contracts.payments;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A HOLD payment's saved card was charged its amount, once: cal.com's Payment becomes a success. */
@Revision("1")
public record PaymentCharged(String uid, int paymentId, int bookingId, String bookingUid, String chargeId,
                             Instant at) implements PaymentChange {
}
