package com.calcomalt.contracts.scheduling;

import java.time.Instant;

/**
 * A time away as cal.com API v2 shows one (UserOooOutputDto), its reason by cal.com's name (null for a
 * reason of the user's own); reasonId, showNotePublicly, createdAt and updatedAt are OutOfOfficeEntry
 * columns cal.com does not show.
 */
public record OutOfOfficeEntryView(int id, String uuid, int userId, Integer toUserId, Instant start, Instant end,
                                   String notes, OutOfOfficeReasonName reason, Integer reasonId,
                                   boolean showNotePublicly, Instant createdAt, Instant updatedAt) {

    public OutOfOfficeEntryView withReason(OutOfOfficeReasonName name) {
        return new OutOfOfficeEntryView(id, uuid, userId, toUserId, start, end, notes, name, reasonId,
                showNotePublicly, createdAt, updatedAt);
    }
}
