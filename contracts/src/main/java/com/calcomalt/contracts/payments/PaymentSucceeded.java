package com.calcomalt.contracts.payments;

import com.calcomalt.contracts.scheduling.PaymentOption;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The booking is paid; {@code appEventId} is the payment app's event that said so. */
@Revision("1")
public record PaymentSucceeded(String uid, int paymentId, int bookingId, String bookingUid, PaymentOption paymentOption,
                               String appEventId, Instant at) implements PaymentChange {
}
