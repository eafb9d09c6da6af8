package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.ApiKeyCreated;
import com.calcomalt.contracts.identity.ApiKeyDetailsImported;
import com.calcomalt.contracts.identity.ApiKeyIds;
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
 * cal.com's API keys, kept as their hashes: we hash a presented key as cal.com does (SHA-256 of the part
 * after the prefix), so the keys its users hold keep working.
 */
@Component
@Order(20)
class ApiKeyImport implements ImportSection {

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        Map<String, String> firstByHash = new HashMap<>();
        each(source, """
                select id, "userId", "teamId", note, "hashedKey", "expiresAt", "createdAt", "appId", "lastUsedAt"
                from "ApiKey" order by "createdAt", id""", row -> {
            String id = row.getString("id");
            int userId = row.getInt("userId");
            Integer teamId = integer(row, "teamId");
            String hash = row.getString("hashedKey");
            if (!imported.userRegisteredAt().containsKey(userId)
                    || (teamId != null && !imported.teamIds().contains(teamId))) {
                breaks.add(new RuleBreak("ApiKey", id, "user " + userId + " or team " + teamId + " is not imported"));
                return;
            }
            // Authentication finds a key by its hash, so one hash names one key.
            String first = firstByHash.putIfAbsent(hash, id);
            if (first != null) {
                breaks.add(new RuleBreak("ApiKey", id, "hashedKey is key " + first + "'s too"));
                return;
            }
            if (row.getString("appId") != null) {
                breaks.add(new RuleBreak("ApiKey", id, "an app's key (appId " + row.getString("appId")
                        + "): apps' keys are not modelled"));
                return;
            }
            Instant created = instant(row.getTimestamp("createdAt"));
            events.add(new Pending("ApiKey", ApiKeyIds.aggregateId(id), new ApiKeyCreated(id, userId, teamId, hash,
                    row.getString("note"), instant(row.getTimestamp("expiresAt")), created), created));
            Instant lastUsed = instant(row.getTimestamp("lastUsedAt"));
            if (lastUsed != null) {
                events.add(new Pending("ApiKey", ApiKeyIds.aggregateId(id), new ApiKeyDetailsImported(id, lastUsed),
                        lastUsed));
            }
        });
        int rows = (int) events.stream().filter(e -> e.payload() instanceof ApiKeyCreated).count();
        return new Result(Map.of("ApiKey", rows), events, breaks, List.of(), Map.of());
    }
}
