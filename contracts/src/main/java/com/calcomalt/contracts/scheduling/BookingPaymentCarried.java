package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The booking replaces a paid booking that was rescheduled ({@code fromUid}) and is paid by its
 * payment, as cal.com moves the Payment rows to the new booking and keeps it paid: nothing is paid twice.
 */
@Revision("1")
public record BookingPaymentCarried(String uid, int bookingId, String fromUid, Instant updatedAt)
        implements BookingChange {
}
