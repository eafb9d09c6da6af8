package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The booking's payment went through: it is paid, and ACCEPTED, or still PENDING ({@code status})
 * when its event type also wants the host's confirmation.
 */
@Revision("1")
public record BookingPaid(String uid, int bookingId, String paymentUid, BookingStatus status, Instant updatedAt)
        implements BookingChange {
}
