package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.scheduling.SlotReservationIds;
import com.calcomalt.contracts.scheduling.SlotReserved;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's slots held for bookers that still hold at the snapshot's time (the source's {@code now()}). One
 * whose {@code releaseAt} has passed holds nothing in cal.com either, and here would only expire at once: it
 * is left out and listed. A reservation is reserved at its {@code releaseAt}: cal.com keeps no other time.
 */
@Component
@Order(120)
class SelectedSlotsImport implements ImportSection {

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        List<RuleBreak> released = new ArrayList<>();
        Map<String, Integer> firstByUid = new HashMap<>();
        each(source, """
                select id, "eventTypeId", "userId", "slotUtcStartDate", "slotUtcEndDate", uid, "releaseAt", "isSeat",
                       "releaseAt" > now() at time zone 'UTC' as holding
                from "SelectedSlots" order by id""", row -> {
            int id = row.getInt("id");
            int eventTypeId = row.getInt("eventTypeId");
            int userId = row.getInt("userId");
            String uid = row.getString("uid");
            Instant start = instant(row.getTimestamp("slotUtcStartDate"));
            Instant end = instant(row.getTimestamp("slotUtcEndDate"));
            Instant releaseAt = instant(row.getTimestamp("releaseAt"));
            if (!row.getBoolean("holding")) {
                released.add(new RuleBreak("SelectedSlots", id, "released at " + releaseAt
                        + ", before the import: it holds no slot"));
                return;
            }
            if (!imported.eventTypeIds().contains(eventTypeId) || !imported.userRegisteredAt().containsKey(userId)) {
                breaks.add(new RuleBreak("SelectedSlots", id, "event type " + eventTypeId + " or user " + userId
                        + " does not exist or breaks a rule"));
                return;
            }
            if (!start.isBefore(end)) {
                breaks.add(new RuleBreak("SelectedSlots", id, "does not start before it ends"));
                return;
            }
            // Here a reservation's uid names its event stream: one row per uid.
            Integer first = firstByUid.putIfAbsent(uid, id);
            if (first != null) {
                breaks.add(new RuleBreak("SelectedSlots", id, "uid '" + uid + "' is reservation " + first + "'s"));
                return;
            }
            events.add(new Pending("SlotReservation", SlotReservationIds.aggregateId(uid), new SlotReserved(uid, id,
                    eventTypeId, userId, start, end, releaseAt, row.getBoolean("isSeat"), releaseAt), releaseAt));
        });
        return new Result(Map.of("SelectedSlots", events.size()), events, breaks, released,
                Map.of("SelectedSlots", SectionRows.maxId(source, "SelectedSlots")));
    }
}
