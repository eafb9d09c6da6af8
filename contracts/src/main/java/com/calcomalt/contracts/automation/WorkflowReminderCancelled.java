package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A reminder will not be sent (cancelled = true). */
@Revision("1")
public record WorkflowReminderCancelled(String uuid, int reminderId, String reason, Instant cancelledAt) {
}
