package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Claims a due reminder for sending, before anything is sent; answered with what to send
 * ({@link WorkflowReminderDelivery}). Refused for a reminder cancelled, sent, or claimed before.
 */
public record RecordWorkflowReminderAttempt(String uuid, Instant attemptedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowReminderIds.aggregateId(uuid);
    }
}
