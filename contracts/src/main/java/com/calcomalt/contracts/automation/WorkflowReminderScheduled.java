package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A reminder is planned: a WorkflowReminder row, not yet handed to a sender (scheduled = false). */
@Revision("1")
public record WorkflowReminderScheduled(String uuid, int reminderId, int workflowId, int workflowStepId,
                                        WorkflowTriggerEvents trigger, WorkflowActions action, WorkflowMethods method,
                                        Instant scheduledDate, String seatReferenceId, ReminderBooking booking,
                                        Instant plannedAt) {
}
