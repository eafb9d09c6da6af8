package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;
import static com.calcomalt.allinone.importing.SourceRows.object;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.scheduling.EventTypeColumnsImported;
import com.calcomalt.contracts.scheduling.EventTypeColumnsImported.HostColumns;
import com.calcomalt.contracts.scheduling.EventTypeIds;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The columns of imported event types and hosts that our commands do not set, one
 * {@link EventTypeColumnsImported} per event type. It comes after the profiles, which an event type may name.
 */
@Component
@Order(35)
class EventTypeColumnsImport implements ImportSection {

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        // The profiles the profile section imports: the same reading, in the same snapshot.
        Set<Integer> profiles = new HashSet<>();
        new ProfileImport().read(source, imported).events().forEach(p -> {
            if (p.payload() instanceof OrganizationProfileCreated profile) {
                profiles.add(profile.profileId());
            }
        });
        Map<Integer, List<HostColumns>> hosts = new HashMap<>();
        each(source, """
                select "userId", "eventTypeId", "weightAdjustment", "groupId" from "Host"
                where "weightAdjustment" is not null or "groupId" is not null order by "eventTypeId", "userId\"""",
                row -> hosts.computeIfAbsent(row.getInt("eventTypeId"), e -> new ArrayList<>()).add(new HostColumns(
                        row.getInt("userId"), integer(row, "weightAdjustment"), row.getString("groupId"))));
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        each(source, """
                select id, "createdAt", "updatedAt", "isInstantEvent", "profileId",
                       "useEventTypeDestinationCalendarEmail", "secondaryEmailId",
                       "instantMeetingExpiryTimeOffsetInSeconds", "instantMeetingScheduleId", "showOptimizedSlots",
                       "assignRRMembersUsingSegment", "rrSegmentQueryValue"::text, "instantMeetingParameters",
                       "autoTranslateDescriptionEnabled", "requiresConfirmationForFreeEmail",
                       "useEventLevelSelectedCalendars", "canSendCalVideoTranscriptionEmails",
                       "includeNoShowInRRCalculation", "restrictionScheduleId",
                       "maxActiveBookingPerBookerOfferReschedule", "bookingRequiresAuthentication",
                       "autoTranslateInstantMeetingTitleEnabled", "rrHostSubsetEnabled"
                from "EventType" order by id""", row -> {
            int id = row.getInt("id");
            if (!imported.eventTypeIds().contains(id)) {
                return;
            }
            Integer profileId = integer(row, "profileId");
            if (profileId != null && !profiles.contains(profileId)) {
                // The event type is imported; only these columns wait, so its row differs and is counted as reported.
                breaks.add(new RuleBreak("EventType", id, "profile " + profileId + " does not exist or breaks a rule"
                        + " (its other columns are imported)"));
                return;
            }
            Array parameters = row.getArray("instantMeetingParameters");
            Instant updatedAt = instant(row.getTimestamp("updatedAt"));
            Instant createdAt = instant(row.getTimestamp("createdAt"));
            Instant at = updatedAt != null ? updatedAt : createdAt != null ? createdAt : Instant.EPOCH;
            events.add(new Pending("EventType", EventTypeIds.aggregateId(id), new EventTypeColumnsImported(id,
                    row.getBoolean("isInstantEvent"), profileId, row.getBoolean("useEventTypeDestinationCalendarEmail"),
                    integer(row, "secondaryEmailId"), row.getInt("instantMeetingExpiryTimeOffsetInSeconds"),
                    integer(row, "instantMeetingScheduleId"), (Boolean) row.getObject("showOptimizedSlots"),
                    row.getBoolean("assignRRMembersUsingSegment"), object(row.getString("rrSegmentQueryValue")),
                    parameters == null ? null : Arrays.asList((String[]) parameters.getArray()),
                    row.getBoolean("autoTranslateDescriptionEnabled"),
                    row.getBoolean("requiresConfirmationForFreeEmail"),
                    row.getBoolean("useEventLevelSelectedCalendars"),
                    row.getBoolean("canSendCalVideoTranscriptionEmails"),
                    row.getBoolean("includeNoShowInRRCalculation"), integer(row, "restrictionScheduleId"),
                    row.getBoolean("maxActiveBookingPerBookerOfferReschedule"),
                    row.getBoolean("bookingRequiresAuthentication"),
                    row.getBoolean("autoTranslateInstantMeetingTitleEnabled"), row.getBoolean("rrHostSubsetEnabled"),
                    updatedAt, hosts.getOrDefault(id, List.of())), at));
        });
        return new Result(Map.of(), events, breaks, List.of(), Map.of());
    }
}
