package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sender refused a claimed reminder, or it could not be made. */
public record MarkWorkflowReminderFailed(String uuid, String error, Instant failedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowReminderIds.aggregateId(uuid);
    }
}
