package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator made a failed or unfinished reminder due again (scheduled = false). */
@Revision("1")
public record WorkflowReminderRetried(String uuid, int reminderId, Instant scheduledDate) {
}
