package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The sender refused the reminder: retryCount goes up and scheduled back to false, as cal.com does. */
@Revision("1")
public record WorkflowReminderFailed(String uuid, int reminderId, String error, Instant failedAt) {
}
