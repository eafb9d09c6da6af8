package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Claims the due reminder for sending, before it is sent, and records its ReminderMail row
 * (reminderMailId decided by the caller); answered with the booking to write about.
 */
public record SendPendingBookingReminder(String bookingUid, int elapsedMinutes, int reminderMailId, Instant sentAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PendingBookingReminderIds.aggregateId(bookingUid, elapsedMinutes);
    }
}
