package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sender accepted a claimed reminder; referenceId is the sender's id of the message. */
public record MarkWorkflowReminderSent(String uuid, String referenceId, Instant sentAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowReminderIds.aggregateId(uuid);
    }
}
