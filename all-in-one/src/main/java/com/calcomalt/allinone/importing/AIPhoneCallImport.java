package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.automation.AIPhoneCallConfigurationIds;
import com.calcomalt.contracts.automation.AIPhoneCallConfigured;
import com.calcomalt.contracts.automation.AIPhoneCallSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's AI phone call configurations of event types, with their ids. cal.com keeps no time for one: the
 * event type's creation is the earliest it can be.
 */
@Component
@Order(8)
class AIPhoneCallImport implements ImportSection {

    /** The rule our AIPhoneCallConfiguration keeps for both numbers. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        Map<Integer, Instant> createdAt = new HashMap<>();
        each(source, "select id, \"createdAt\" from \"EventType\"", row -> {
            Instant at = instant(row.getTimestamp("createdAt"));
            createdAt.put(row.getInt("id"), at == null ? Instant.EPOCH : at);
        });
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        each(source, """
                select id, "eventTypeId", "generalPrompt", "yourPhoneNumber", "numberToCall", "guestName", enabled,
                       "beginMessage", "llmId", "guestCompany", "guestEmail", "schedulerName", "templateType"
                from "AIPhoneCallConfiguration" order by id""", row -> {
            int id = row.getInt("id");
            int eventTypeId = row.getInt("eventTypeId");
            if (!imported.eventTypeIds().contains(eventTypeId)) {
                breaks.add(new RuleBreak("AIPhoneCallConfiguration", id, "event type " + eventTypeId
                        + " does not exist or breaks a rule"));
                return;
            }
            String yours = row.getString("yourPhoneNumber");
            String toCall = row.getString("numberToCall");
            if (!PHONE_NUMBER.matcher(yours).matches() || !PHONE_NUMBER.matcher(toCall).matches()) {
                breaks.add(new RuleBreak("AIPhoneCallConfiguration", id, "'" + yours + "' or '" + toCall
                        + "' is not a phone number in international form"));
                return;
            }
            String guestEmail = row.getString("guestEmail");
            if (guestEmail != null && !guestEmail.contains("@")) {
                breaks.add(new RuleBreak("AIPhoneCallConfiguration", id, "guestEmail '" + guestEmail
                        + "' is not an email address"));
                return;
            }
            Instant at = createdAt.get(eventTypeId);
            events.add(new Pending("AIPhoneCallConfiguration", AIPhoneCallConfigurationIds.aggregateId(eventTypeId),
                    new AIPhoneCallConfigured(eventTypeId, id, new AIPhoneCallSettings(row.getString("generalPrompt"),
                            yours, toCall, row.getString("guestName"), row.getBoolean("enabled"),
                            row.getString("beginMessage"), row.getString("llmId"), row.getString("guestCompany"),
                            guestEmail, row.getString("schedulerName"), row.getString("templateType"))), at));
        });
        return new Result(Map.of("AIPhoneCallConfiguration", events.size()), events, breaks, List.of(),
                Map.of("AIPhoneCallConfiguration", SectionRows.maxId(source, "AIPhoneCallConfiguration")));
    }
}
