package com.calcomalt.contracts.payments;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A refund was due and the payment app did not make it this time; it is retried until it is made. */
@Revision("1")
public record PaymentRefundFailed(String uid, int paymentId, int bookingId, String bookingUid, int attempt,
                                  String reason, Instant at) implements PaymentChange {
}
