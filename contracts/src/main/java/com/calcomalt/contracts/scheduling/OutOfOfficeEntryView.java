package com.calcomalt.contracts.scheduling;

import java.time.Instant;

/** A time away as cal.com API v2 shows one, with the id of its reason rather than cal.com's reason name. */
public record OutOfOfficeEntryView(int id, String uuid, int userId, Integer toUserId, Instant start, Instant end,
                                   String notes, Integer reasonId, boolean showNotePublicly, Instant createdAt,
                                   Instant updatedAt) {
}
