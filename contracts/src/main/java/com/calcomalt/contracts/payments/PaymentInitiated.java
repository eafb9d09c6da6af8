package com.calcomalt.contracts.payments;

import com.calcomalt.contracts.scheduling.PaymentOption;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A booking's payment was started, unpaid; every column of its cal.com Payment row is here. */
@Revision("1")
public record PaymentInitiated(String uid, int paymentId, int bookingId, String bookingUid, String appId, int amount,
                               int fee, String currency, String externalId, PaymentOption paymentOption,
                               Map<String, Object> data, Instant at) implements PaymentChange {
}
