package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The host's reminder is being sent: cal.com's ReminderMail row (referenceId = the booking's id).
 * Stored before the email goes out, so a crash never sends it twice.
 */
@Revision("1")
public record PendingBookingReminderSent(int reminderMailId, String bookingUid, int bookingId,
                                         ReminderType reminderType, int elapsedMinutes, Instant createdAt) {
}
