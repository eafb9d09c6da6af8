package com.calcomalt.contracts.payments;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The payment can no longer be made: its intent at the payment app was canceled, unpaid. */
@Revision("1")
public record PaymentCancelled(String uid, int paymentId, int bookingId, String bookingUid, String appEventId,
                               String reason, Instant at) implements PaymentChange {
}
