package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A pending booking's host is to be reminded at dueAt, if it still awaits confirmation. */
@Revision("1")
public record PendingBookingReminderScheduled(String bookingUid, int bookingId, int elapsedMinutes, Instant dueAt,
                                              ReminderBooking booking, Instant plannedAt) {
}
