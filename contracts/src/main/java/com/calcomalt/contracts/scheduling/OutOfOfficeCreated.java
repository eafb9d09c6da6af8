package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OutOfOfficeCreated(int entryId, String uuid, int userId, Instant start, Instant end, Integer reasonId, Integer toUserId, String notes, boolean showNotePublicly, Instant createdAt) {
}
