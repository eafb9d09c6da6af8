package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SourceRows.bool;
import static com.calcomalt.allinone.importing.SourceRows.instant;
import static com.calcomalt.allinone.importing.SourceRows.integer;
import static com.calcomalt.allinone.importing.SourceRows.list;
import static com.calcomalt.allinone.importing.SourceRows.object;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeHostsSet;
import com.calcomalt.contracts.scheduling.EventTypeIds;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.ManagedEventTypeAssigned;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Event types of every scheduling type with their hosts, as the events an owner's commands would
 * have appended: a personal or team event type is created, then its hosts set; a managed event
 * type's children are assigned on the parent's stream and created on their own, as
 * {@code AssignManagedEventType} does. The scheduling registry fills the slug lookups from them. The columns
 * no command of ours sets follow later, after the profiles they may name ({@link EventTypeColumnsImport}).
 */
final class EventTypeImport {

    /** What a booking of an event type needs to know of it. */
    record Facts(int eventTypeId, Integer userId, Integer teamId, Integer parentId, SchedulingType schedulingType,
                 Integer length, int beforeEventBuffer, int afterEventBuffer, Set<Integer> hostUserIds) {
    }

    record Result(List<DomainEventMessage<?>> events, Map<String, Integer> counts, Map<Integer, Facts> facts,
                  Map<String, Integer> maxIds) {
    }

    private EventTypeImport() {
    }

    private record Row(int id, Integer userId, Integer teamId, Integer parentId, SchedulingType schedulingType,
                       EventTypeSettings settings, Instant createdAt) {
    }

    static Result read(Connection source, ImportedSoFar imported, List<RuleBreak> breaks) throws SQLException {
        Map<Integer, Row> rows = new LinkedHashMap<>();
        Map<String, Integer> firstBySlug = new HashMap<>();
        Map<String, Integer> firstChild = new HashMap<>();
        // Parents first, so a managed event type is there before its children.
        try (var statement = source.createStatement(); var result = statement.executeQuery("""
                select * from "EventType" order by "parentId" is not null, id""")) {
            while (result.next()) {
                int id = result.getInt("id");
                Integer userId = integer(result, "userId");
                Integer teamId = integer(result, "teamId");
                Integer parentId = integer(result, "parentId");
                EventTypeSettings settings = settings(result);
                String broken = null;
                if (userId == null && teamId == null) {
                    broken = "belongs to no user and no team";
                } else if (userId != null && !imported.users().containsKey(userId)) {
                    broken = "owner user " + userId + " does not exist or breaks a rule";
                } else if (teamId != null && !imported.teams().contains(teamId)) {
                    broken = "team " + teamId + " does not exist or breaks a rule";
                } else if (parentId != null && !rows.containsKey(parentId)) {
                    broken = "parent event type " + parentId + " does not exist or breaks a rule";
                } else if (settings.scheduleId() != null && !imported.schedules().contains(settings.scheduleId())) {
                    broken = "schedule " + settings.scheduleId() + " does not exist or breaks a rule";
                } else if (!scheduleImported(imported, integer(result, "instantMeetingScheduleId"))
                        || !scheduleImported(imported, integer(result, "restrictionScheduleId"))) {
                    broken = "instant-meeting schedule " + integer(result, "instantMeetingScheduleId")
                            + " or restriction schedule " + integer(result, "restrictionScheduleId")
                            + " does not exist or breaks a rule";
                } else if (parentId != null && firstChild.putIfAbsent(userId + "/" + parentId, id) != null) {
                    broken = "user " + userId + " has event type " + firstChild.get(userId + "/" + parentId)
                            + " of parent " + parentId + " already";
                } else {
                    // Our lookups hold a slug once per user and once per team.
                    String owner = userId != null ? "user " + userId : "team " + teamId;
                    Integer first = firstBySlug.putIfAbsent(owner + "/" + settings.slug(), id);
                    if (first == null && userId != null && teamId != null) {
                        first = firstBySlug.putIfAbsent("team " + teamId + "/" + settings.slug(), id);
                    }
                    if (first != null) {
                        broken = "slug '" + settings.slug() + "' of " + owner + " is event type " + first + "'s already";
                    }
                }
                if (broken != null) {
                    breaks.add(new RuleBreak("EventType", id, broken));
                    continue;
                }
                String type = result.getString("schedulingType");
                rows.put(id, new Row(id, userId, teamId, parentId, type == null ? null : SchedulingType.valueOf(type),
                        settings, instant(result, "createdAt")));
            }
        }
        Map<Integer, List<Host>> hosts = new HashMap<>();
        int hostRows = 0;
        Set<Integer> hostsBreaking = new HashSet<>();
        try (var statement = source.createStatement(); var result = statement.executeQuery("""
                select "userId", "eventTypeId", "isFixed", priority, weight, "scheduleId", "createdAt", "memberId"
                from "Host" order by "eventTypeId", "userId\"""")) {
            while (result.next()) {
                int userId = result.getInt("userId");
                int eventTypeId = result.getInt("eventTypeId");
                Integer memberId = integer(result, "memberId");
                Integer scheduleId = integer(result, "scheduleId");
                String broken = null;
                if (!rows.containsKey(eventTypeId)) {
                    broken = "event type " + eventTypeId + " does not exist or breaks a rule";
                } else if (!imported.users().containsKey(userId)) {
                    broken = "host user " + userId + " does not exist or breaks a rule";
                } else if (memberId != null && !imported.memberships().contains(memberId)) {
                    broken = "host user " + userId + "'s membership " + memberId + " does not exist or breaks a rule";
                } else if (scheduleId != null && !imported.schedules().contains(scheduleId)) {
                    broken = "host user " + userId + "'s schedule " + scheduleId + " does not exist or breaks a rule";
                }
                // A Host row has no id of its own: it is reported, and compared, by its event type.
                if (broken != null) {
                    if (hostsBreaking.add(eventTypeId)) {
                        breaks.add(new RuleBreak("Host", eventTypeId, broken));
                    }
                    continue;
                }
                hosts.computeIfAbsent(eventTypeId, e -> new ArrayList<>()).add(new Host(userId, memberId,
                        result.getBoolean("isFixed"), integer(result, "priority"), integer(result, "weight"),
                        scheduleId, instant(result, "createdAt")));
                hostRows++;
            }
        }
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Map<Integer, Integer> sequence = new HashMap<>();
        Map<Integer, Facts> facts = new HashMap<>();
        for (Row row : rows.values()) {
            Instant at = row.createdAt() != null ? row.createdAt()
                    : row.userId() != null ? imported.users().get(row.userId()).registeredAt() : Instant.EPOCH;
            String id = EventTypeIds.aggregateId(row.id());
            if (row.parentId() != null) {
                int parentSequence = sequence.merge(row.parentId(), 1, Integer::sum) - 1;
                events.add(CalcomImport.event("EventType", EventTypeIds.aggregateId(row.parentId()), parentSequence,
                        new ManagedEventTypeAssigned(row.parentId(), row.userId(), row.id(), at), at));
            }
            events.add(CalcomImport.event("EventType", id, 0, new EventTypeCreated(row.id(), row.userId(),
                    row.teamId(), row.parentId(), row.schedulingType(), row.settings(), row.createdAt()), at));
            sequence.put(row.id(), 1);
            List<Host> chosen = hosts.getOrDefault(row.id(), List.of());
            if (!chosen.isEmpty()) {
                Instant setAt = chosen.stream().map(Host::createdAt).filter(t -> t != null).max(Instant::compareTo)
                        .orElse(at);
                events.add(CalcomImport.event("EventType", id, 1, new EventTypeHostsSet(row.id(), row.teamId(),
                        chosen, setAt), setAt));
                sequence.put(row.id(), 2);
            }
            Set<Integer> hostUserIds = new HashSet<>();
            chosen.forEach(h -> hostUserIds.add(h.userId()));
            EventTypeSettings s = row.settings();
            facts.put(row.id(), new Facts(row.id(), row.userId(), row.teamId(), row.parentId(), row.schedulingType(),
                    s.length(), s.beforeEventBuffer() == null ? 0 : s.beforeEventBuffer(),
                    s.afterEventBuffer() == null ? 0 : s.afterEventBuffer(), hostUserIds));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("EventType", rows.size());
        counts.put("Host", hostRows);
        return new Result(events, counts, facts, Map.of("EventType", CalcomImport.maxId(source, "EventType")));
    }

    private static boolean scheduleImported(ImportedSoFar imported, Integer scheduleId) {
        return scheduleId == null || imported.schedules().contains(scheduleId);
    }

    private static EventTypeSettings settings(ResultSet r) throws SQLException {
        String periodType = r.getString("periodType");
        return new EventTypeSettings(r.getString("title"), r.getString("slug"), r.getString("description"),
                integer(r, "length"), bool(r, "hidden"), integer(r, "position"), list(r.getString("locations")),
                r.getString("eventName"), r.getString("timeZone"),
                periodType == null ? null : PeriodType.valueOf(periodType), integer(r, "periodDays"),
                instant(r, "periodStartDate"), instant(r, "periodEndDate"), bool(r, "periodCountCalendarDays"),
                bool(r, "requiresConfirmation"), bool(r, "requiresConfirmationWillBlockSlot"),
                integer(r, "minimumBookingNotice"), integer(r, "beforeEventBuffer"), integer(r, "afterEventBuffer"),
                integer(r, "slotInterval"), integer(r, "seatsPerTimeSlot"), bool(r, "seatsShowAttendees"),
                bool(r, "seatsShowAvailabilityCount"), integer(r, "scheduleId"), list(r.getString("bookingFields")),
                object(r.getString("metadata")), object(r.getString("bookingLimits")),
                object(r.getString("durationLimits")), object(r.getString("recurringEvent")), integer(r, "price"),
                r.getString("currency"), bool(r, "disableGuests"), bool(r, "hideCalendarNotes"),
                bool(r, "hideCalendarEventDetails"), r.getString("successRedirectUrl"),
                bool(r, "forwardParamsSuccessRedirect"), bool(r, "lockTimeZoneToggleOnBookingPage"),
                r.getString("lockedTimeZone"), bool(r, "onlyShowFirstAvailableSlot"),
                object(r.getString("eventTypeColor")), integer(r, "offsetStart"),
                bool(r, "requiresBookerEmailVerification"), bool(r, "useBookerTimezone"),
                bool(r, "disableCancelling"), bool(r, "disableRescheduling"),
                bool(r, "allowReschedulingPastBookings"), bool(r, "allowReschedulingCancelledBookings"),
                integer(r, "minimumRescheduleNotice"), integer(r, "maxLeadThreshold"),
                integer(r, "maxActiveBookingsPerBooker"), r.getString("customReplyToEmail"),
                r.getString("interfaceLanguage"), bool(r, "isRRWeightsEnabled"),
                bool(r, "rescheduleWithSameRoundRobinHost"), bool(r, "assignAllTeamMembers"),
                bool(r, "hideOrganizerEmail"));
    }
}
