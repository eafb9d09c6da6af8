package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A reminder was claimed for sending and is being handed to a sender (scheduled = true); stored before the send, so it is never sent twice. */
@Revision("1")
public record WorkflowReminderSendAttempted(String uuid, int reminderId, Instant attemptedAt) {
}
