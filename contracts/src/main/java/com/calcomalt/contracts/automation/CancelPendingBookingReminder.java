package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The booking no longer awaits confirmation (confirmed, declined, cancelled or rescheduled). */
public record CancelPendingBookingReminder(String bookingUid, int elapsedMinutes, String reason, Instant cancelledAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PendingBookingReminderIds.aggregateId(bookingUid, elapsedMinutes);
    }
}
