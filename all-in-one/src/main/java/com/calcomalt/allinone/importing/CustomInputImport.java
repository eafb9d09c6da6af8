package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputType;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputsSet;
import com.calcomalt.contracts.scheduling.EventTypeIds;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's custom inputs of event types (the booking questions before booking fields): all of an event
 * type's in one {@code EventTypeCustomInputsSet}, as its creation would have set them.
 */
@Component
@Order(90)
class CustomInputImport implements ImportSection {

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        Map<Integer, Instant> createdAt = new HashMap<>();
        each(source, "select id, \"createdAt\" from \"EventType\"", row -> {
            Instant at = instant(row.getTimestamp("createdAt"));
            createdAt.put(row.getInt("id"), at == null ? Instant.EPOCH : at);
        });
        Map<Integer, List<CustomInput>> inputs = new LinkedHashMap<>();
        List<RuleBreak> breaks = new ArrayList<>();
        each(source, """
                select id, "eventTypeId", label, required, type::text, placeholder, options::text
                from "EventTypeCustomInput" order by "eventTypeId", id""", row -> {
            int id = row.getInt("id");
            int eventTypeId = row.getInt("eventTypeId");
            String label = row.getString("label");
            if (!imported.eventTypeIds().contains(eventTypeId)) {
                breaks.add(new RuleBreak("EventTypeCustomInput", id, "event type " + eventTypeId
                        + " does not exist or breaks a rule"));
                return;
            }
            // A custom input has a label: the booker is asked by it.
            if (label.isBlank()) {
                breaks.add(new RuleBreak("EventTypeCustomInput", id, "has no label"));
                return;
            }
            inputs.computeIfAbsent(eventTypeId, e -> new ArrayList<>()).add(new CustomInput(id, label,
                    row.getBoolean("required"), EventTypeCustomInputType.valueOf(row.getString("type")),
                    row.getString("placeholder"), SourceRows.list(row.getString("options"))));
        });
        List<Pending> events = new ArrayList<>();
        int[] rows = {0};
        inputs.forEach((eventTypeId, list) -> {
            Instant at = createdAt.get(eventTypeId);
            events.add(new Pending("EventType", EventTypeIds.aggregateId(eventTypeId),
                    new EventTypeCustomInputsSet(eventTypeId, list, at), at));
            rows[0] += list.size();
        });
        return new Result(Map.of("EventTypeCustomInput", rows[0]), events, breaks, List.of(),
                Map.of("EventTypeCustomInput", SectionRows.maxId(source, "EventTypeCustomInput")));
    }
}
