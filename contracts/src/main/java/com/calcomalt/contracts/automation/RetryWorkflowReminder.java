package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator's second try of a reminder that failed, or whose attempt has no outcome (the process
 * stopped while sending): it is due again at scheduledDate. Whether it went out is for the operator to judge.
 */
public record RetryWorkflowReminder(String uuid, Instant scheduledDate) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowReminderIds.aggregateId(uuid);
    }
}
