package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a reminder that was not sent: its booking was cancelled, rescheduled or declined, or its step is gone. */
public record CancelWorkflowReminder(String uuid, String reason, Instant cancelledAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowReminderIds.aggregateId(uuid);
    }
}
