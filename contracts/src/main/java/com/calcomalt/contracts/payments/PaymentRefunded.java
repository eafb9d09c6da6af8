package com.calcomalt.contracts.payments;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentRefunded(String uid, int paymentId, int bookingId, String bookingUid, String refundId,
                              Instant at) implements PaymentChange {
}
