package com.calcomalt.contracts.automation;

/** What a claimed reminder is to send: which step of which workflow, about which booking (and seat). */
public record WorkflowReminderDelivery(String uuid, int reminderId, int workflowId, int workflowStepId,
                                       WorkflowTriggerEvents trigger, WorkflowActions action, WorkflowMethods method,
                                       String seatReferenceId, ReminderBooking booking) {
}
