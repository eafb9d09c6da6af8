package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.integer;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.scheduling.AvailabilityOwnersImported;
import com.calcomalt.contracts.scheduling.AvailabilityOwnersImported.Owners;
import com.calcomalt.contracts.scheduling.ScheduleIds;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The user and event type that older cal.com hours name besides their schedule, one
 * {@link AvailabilityOwnersImported} per schedule. It comes after the event types, which the hours may name.
 */
@Component
@Order(36)
class AvailabilityOwnersImport implements ImportSection {

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        Map<Integer, List<Owners>> bySchedule = new LinkedHashMap<>();
        Map<Integer, Instant> at = new LinkedHashMap<>();
        List<RuleBreak> breaks = new ArrayList<>();
        each(source, """
                select a.id, a."scheduleId", a."userId", a."eventTypeId", s."userId" as owner
                from "Availability" a join "Schedule" s on s.id = a."scheduleId"
                where a."userId" is not null or a."eventTypeId" is not null order by a."scheduleId", a.id""", row -> {
            int id = row.getInt("id");
            int scheduleId = row.getInt("scheduleId");
            Integer userId = integer(row, "userId");
            Integer eventTypeId = integer(row, "eventTypeId");
            // A schedule is imported with its owner; hours of one left out are reported with it.
            Instant ownerRegistered = imported.userRegisteredAt().get(row.getInt("owner"));
            if (ownerRegistered == null) {
                return;
            }
            if ((userId != null && !imported.userRegisteredAt().containsKey(userId))
                    || (eventTypeId != null && !imported.eventTypeIds().contains(eventTypeId))) {
                // The hours are imported; only these columns wait, so the row differs and is counted as reported.
                breaks.add(new RuleBreak("Availability", id, "user " + userId + " or event type " + eventTypeId
                        + " does not exist or breaks a rule (the hours are imported)"));
                return;
            }
            bySchedule.computeIfAbsent(scheduleId, s -> new ArrayList<>()).add(new Owners(id, userId, eventTypeId));
            at.put(scheduleId, ownerRegistered);
        });
        List<Pending> events = new ArrayList<>();
        bySchedule.forEach((scheduleId, hours) -> events.add(new Pending("Schedule", ScheduleIds.aggregateId(scheduleId),
                new AvailabilityOwnersImported(scheduleId, hours), at.get(scheduleId))));
        return new Result(Map.of(), events, breaks, List.of(), Map.of());
    }
}
