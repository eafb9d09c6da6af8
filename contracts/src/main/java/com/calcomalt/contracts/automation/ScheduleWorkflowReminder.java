package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Plans one step of one workflow for one booking (and seat) at scheduledDate; reminderId is the WorkflowReminder row's id. */
public record ScheduleWorkflowReminder(String uuid, int reminderId, int workflowId, int workflowStepId,
                                       WorkflowTriggerEvents trigger, WorkflowActions action, Instant scheduledDate,
                                       String seatReferenceId, ReminderBooking booking, Instant plannedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowReminderIds.aggregateId(uuid);
    }
}
