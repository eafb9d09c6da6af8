package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The columns of a cal.com event type that no command of ours sets (instant meetings, segments, translation,
 * profile and secondary email, ...), its hosts' weight adjustments and groups, and its last change. Only the
 * import appends it, after the event type's hosts, so the rows keep cal.com's values; later commands leave them.
 */
@Revision("1")
public record EventTypeColumnsImported(int eventTypeId, boolean isInstantEvent, Integer profileId,
                                       boolean useEventTypeDestinationCalendarEmail, Integer secondaryEmailId,
                                       int instantMeetingExpiryTimeOffsetInSeconds, Integer instantMeetingScheduleId,
                                       Boolean showOptimizedSlots, boolean assignRRMembersUsingSegment,
                                       Map<String, Object> rrSegmentQueryValue, List<String> instantMeetingParameters,
                                       boolean autoTranslateDescriptionEnabled,
                                       boolean requiresConfirmationForFreeEmail,
                                       boolean useEventLevelSelectedCalendars,
                                       boolean canSendCalVideoTranscriptionEmails,
                                       boolean includeNoShowInRRCalculation, Integer restrictionScheduleId,
                                       boolean maxActiveBookingPerBookerOfferReschedule,
                                       boolean bookingRequiresAuthentication,
                                       boolean autoTranslateInstantMeetingTitleEnabled, boolean rrHostSubsetEnabled,
                                       Instant updatedAt, List<HostColumns> hosts) {

    /** A host's columns beyond {@link Host}: groupId names a cal.com host group, a table we do not model. */
    public record HostColumns(int userId, Integer weightAdjustment, String groupId) {
    }
}
