package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The whole entry after the change. */
@Revision("1")
public record OutOfOfficeUpdated(int entryId, int userId, Instant start, Instant end, Integer reasonId, Integer toUserId, String notes, boolean showNotePublicly, Instant updatedAt) {
}
