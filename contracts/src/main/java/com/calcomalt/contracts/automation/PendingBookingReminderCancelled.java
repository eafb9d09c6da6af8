package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The reminder to the host is not needed any more. */
@Revision("1")
public record PendingBookingReminderCancelled(String bookingUid, int elapsedMinutes, String reason,
                                              Instant cancelledAt) {
}
