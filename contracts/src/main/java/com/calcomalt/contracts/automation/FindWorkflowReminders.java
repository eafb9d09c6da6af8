package com.calcomalt.contracts.automation;

import com.calcomalt.contracts.identity.Caller;

/**
 * Answered with {@link WorkflowReminderView}s, for system admins only: of one booking when
 * {@code bookingUid} is set, only the failed ones when {@code failedOnly}; {@code take} after
 * {@code skip}, by scheduled date.
 */
public record FindWorkflowReminders(Caller caller, String bookingUid, boolean failedOnly, int take, int skip) {
}
