package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;
import static com.calcomalt.allinone.importing.SectionRows.maxId;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.scheduling.OutOfOfficeCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeIds;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonDisabled;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonIds;
import com.calcomalt.contracts.scheduling.OutOfOfficeUpdated;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * cal.com's out-of-office reasons, its common ones included (the import starts this system without giving it
 * its own), and the entries. A reason with the same id and text in the target is there already.
 */
@Component
@Order(40)
class OutOfOfficeImport implements ImportSection {

    private final JdbcTemplate target;

    OutOfOfficeImport(JdbcTemplate target) {
        this.target = target;
    }

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        Map<Integer, String> present = new HashMap<>();
        target.query("select reason_id, reason from command_side.out_of_office_reasons",
                (java.sql.ResultSet r) -> {
                    present.put(r.getInt(1), r.getString(2));
                });
        Set<String> presentTexts = new HashSet<>(present.values());
        Set<Integer> reasons = new HashSet<>();
        Map<String, Integer> firstByText = new HashMap<>();
        int[] importedReasons = {0};
        each(source, """
                select id, emoji, reason, enabled, "userId" from "OutOfOfficeReason" order by id""", row -> {
            int id = row.getInt("id");
            String text = row.getString("reason");
            Integer userId = integer(row, "userId");
            if (text.equals(present.get(id))) {
                reasons.add(id);
                return;
            }
            // A reason's text names it once, here as in cal.com.
            if (presentTexts.contains(text)) {
                breaks.add(new RuleBreak("OutOfOfficeReason", id, "reason '" + text + "' exists here already under"
                        + " another id: this system gave itself cal.com's common reasons when it first started, so"
                        + " import into a database it has never started"));
                return;
            }
            if (firstByText.putIfAbsent(text, id) != null) {
                breaks.add(new RuleBreak("OutOfOfficeReason", id, "reason '" + text + "' is reason "
                        + firstByText.get(text) + "'s"));
                return;
            }
            if (userId != null && !imported.userRegisteredAt().containsKey(userId)) {
                breaks.add(new RuleBreak("OutOfOfficeReason", id, "user " + userId + " is not imported"));
                return;
            }
            // cal.com keeps no creation time of a reason; its owner's registration stands in, or the epoch.
            Instant at = userId == null ? Instant.EPOCH : imported.userRegisteredAt().get(userId);
            String aggregate = OutOfOfficeReasonIds.aggregateId(id);
            events.add(new Pending("OutOfOfficeReason", aggregate, new OutOfOfficeReasonCreated(id,
                    row.getString("emoji"), text, userId, at), at));
            if (!row.getBoolean("enabled")) {
                events.add(new Pending("OutOfOfficeReason", aggregate, new OutOfOfficeReasonDisabled(id, at), at));
            }
            reasons.add(id);
            importedReasons[0]++;
        });
        Map<Integer, List<Instant[]>> takenByUser = new HashMap<>();
        int[] entries = {0};
        each(source, """
                select id, uuid, "userId", start, "end", "reasonId", "toUserId", notes, "showNotePublicly",
                       "createdAt", "updatedAt"
                from "OutOfOfficeEntry" order by "userId", start, id""", row -> {
            int id = row.getInt("id");
            int userId = row.getInt("userId");
            Integer reasonId = integer(row, "reasonId");
            Integer toUserId = integer(row, "toUserId");
            Instant start = instant(row.getTimestamp("start"));
            Instant end = instant(row.getTimestamp("end"));
            if (!imported.userRegisteredAt().containsKey(userId)
                    || (toUserId != null && !imported.userRegisteredAt().containsKey(toUserId))) {
                breaks.add(new RuleBreak("OutOfOfficeEntry", id, "user " + userId + " or forwarding user "
                        + toUserId + " is not imported"));
                return;
            }
            if (reasonId != null && !reasons.contains(reasonId)) {
                breaks.add(new RuleBreak("OutOfOfficeEntry", id, "reason " + reasonId + " is not imported"));
                return;
            }
            if (end.isBefore(start)) {
                breaks.add(new RuleBreak("OutOfOfficeEntry", id, "ends before it starts"));
                return;
            }
            // One user's times out of office do not overlap.
            List<Instant[]> taken = takenByUser.computeIfAbsent(userId, u -> new ArrayList<>());
            if (taken.stream().anyMatch(t -> start.isBefore(t[1]) && t[0].isBefore(end))) {
                breaks.add(new RuleBreak("OutOfOfficeEntry", id, "overlaps another time out of office of user "
                        + userId));
                return;
            }
            taken.add(new Instant[] {start, end});
            Instant created = instant(row.getTimestamp("createdAt"));
            Instant updated = instant(row.getTimestamp("updatedAt"));
            String aggregate = OutOfOfficeIds.aggregateId(id);
            String notes = row.getString("notes");
            boolean showNote = row.getBoolean("showNotePublicly");
            events.add(new Pending("OutOfOffice", aggregate, new OutOfOfficeCreated(id, row.getString("uuid"), userId,
                    start, end, reasonId, toUserId, notes, showNote, created), created));
            if (!updated.equals(created)) {
                events.add(new Pending("OutOfOffice", aggregate, new OutOfOfficeUpdated(id, userId, start, end,
                        reasonId, toUserId, notes, showNote, updated), updated));
            }
            entries[0]++;
        });
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("OutOfOfficeReason", importedReasons[0]);
        rows.put("OutOfOfficeEntry", entries[0]);
        return new Result(rows, events, breaks, List.of(), Map.of("OutOfOfficeReason",
                maxId(source, "OutOfOfficeReason"), "OutOfOfficeEntry", maxId(source, "OutOfOfficeEntry")));
    }
}
