package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.scheduling.EventTypeIds;
import com.calcomalt.contracts.scheduling.PrivateLinkCreated;
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
 * cal.com's private links of event types, expired ones too (cal.com keeps them, and says they are expired).
 * A link that was used is reported: no event of ours counts a link's uses, so it would come back unused.
 */
@Component
@Order(100)
class HashedLinkImport implements ImportSection {

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
                select id, link, "eventTypeId", "expiresAt", "maxUsageCount", "usageCount"
                from "HashedLink" order by id""", row -> {
            int id = row.getInt("id");
            int eventTypeId = row.getInt("eventTypeId");
            int maxUsageCount = row.getInt("maxUsageCount");
            int usageCount = row.getInt("usageCount");
            if (!imported.eventTypeIds().contains(eventTypeId)) {
                breaks.add(new RuleBreak("HashedLink", id, "event type " + eventTypeId
                        + " does not exist or breaks a rule"));
                return;
            }
            if (maxUsageCount <= 0) {
                breaks.add(new RuleBreak("HashedLink", id, "maxUsageCount " + maxUsageCount
                        + ": a private link may be used at least once"));
                return;
            }
            if (usageCount != 0) {
                breaks.add(new RuleBreak("HashedLink", id, "used " + usageCount
                        + " times: uses of a private link are not modelled"));
                return;
            }
            Instant at = createdAt.get(eventTypeId);
            events.add(new Pending("EventType", EventTypeIds.aggregateId(eventTypeId), new PrivateLinkCreated(
                    eventTypeId, id, row.getString("link"), instant(row.getTimestamp("expiresAt")), maxUsageCount,
                    at), at));
        });
        return new Result(Map.of("HashedLink", events.size()), events, breaks, List.of(),
                Map.of("HashedLink", SectionRows.maxId(source, "HashedLink")));
    }
}
