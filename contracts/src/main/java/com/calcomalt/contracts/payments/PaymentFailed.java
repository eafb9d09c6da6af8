package com.calcomalt.contracts.payments;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An attempt to pay failed; the payment stays unpaid and open to another attempt. */
@Revision("1")
public record PaymentFailed(String uid, int paymentId, int bookingId, String appEventId, String reason, Instant at) implements PaymentChange {
}
