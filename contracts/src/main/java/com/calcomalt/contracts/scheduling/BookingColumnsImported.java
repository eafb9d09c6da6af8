package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The columns of an imported booking, its references and its internal notes that no command of ours sets: the
 * import carries them as cal.com left them, the projectors write them, and later events leave them alone. It
 * follows the calendars and delegation credentials in the import, so the rows these columns point at are there.
 * Not a {@link BookingChange}: the booking's state and its {@code updatedAt} do not move.
 *
 * @param references the booking's references that name a calendar account or a delegation credential (rows the
 *                   import brings after the bookings)
 * @param notes the booking's internal notes made from a preset
 */
@Revision("1")
public record BookingColumnsImported(String uid, int bookingId, String dynamicEventSlugRef, String dynamicGroupSlugRef,
                                     String recurringEventId, Integer destinationCalendarId,
                                     List<String> scheduledJobs, String oneTimePassword, String reassignReason,
                                     Integer reassignById, List<ReferenceColumns> references,
                                     List<NotePreset> notes, Instant importedAt) {

    /** A BookingReference's calendar account and delegation credentials (cal.com's older and newer one). */
    public record ReferenceColumns(int referenceId, Integer credentialId, String domainWideDelegationCredentialId,
                                   String delegationCredentialId) {
    }

    /** A BookingInternalNote's preset. */
    public record NotePreset(int noteId, int notePresetId) {
    }
}
