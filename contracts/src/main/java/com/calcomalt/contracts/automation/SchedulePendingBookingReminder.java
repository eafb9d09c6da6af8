package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Plans the reminder to a pending booking's host that it still awaits confirmation, elapsedMinutes after it was made. */
public record SchedulePendingBookingReminder(String bookingUid, int elapsedMinutes, Instant dueAt,
                                             ReminderBooking booking, Instant plannedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PendingBookingReminderIds.aggregateId(bookingUid, elapsedMinutes);
    }
}
