package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The sender took the reminder; referenceId is its id of the message, as cal.com keeps a provider's id. */
@Revision("1")
public record WorkflowReminderSent(String uuid, int reminderId, String referenceId, Instant sentAt) {
}
