package com.calcomalt.contracts.payments;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The payment belongs to another booking now, the one that replaced its rescheduled booking. */
@Revision("1")
public record PaymentMoved(String uid, int paymentId, int bookingId, String bookingUid, int fromBookingId,
                           String fromBookingUid, Instant at) implements PaymentChange {
}
