package com.calcomalt.contracts.automation;

import java.time.Instant;

/**
 * A row of cal.com's {@code WorkflowReminder} as an operator needs it to retry one; {@code failed}:
 * its last send failed and it was not sent since (what the {@code calalt.reminders.failed} gauge counts).
 */
public record WorkflowReminderView(String uuid, String bookingUid, String method, Instant scheduledDate,
                                   boolean scheduled, String referenceId, Integer workflowStepId, Boolean cancelled,
                                   String seatReferenceId, boolean isMandatoryReminder, int retryCount,
                                   boolean failed) {
}
