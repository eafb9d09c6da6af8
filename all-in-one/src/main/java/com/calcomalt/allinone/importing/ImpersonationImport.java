package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserImpersonated;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's record of who impersonated whom, kept as the history it is. Whether the impersonated user allowed it
 * then is not known (the setting may have changed since), so only what holds for every impersonation is checked.
 */
@Component
@Order(7)
class ImpersonationImport implements ImportSection {

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        each(source, """
                select id, "createdAt", "impersonatedUserId", "impersonatedById" from "Impersonations" order by id""",
                row -> {
                    int id = row.getInt("id");
                    int userId = row.getInt("impersonatedUserId");
                    int byId = row.getInt("impersonatedById");
                    if (!imported.userRegisteredAt().containsKey(userId)
                            || !imported.userRegisteredAt().containsKey(byId)) {
                        breaks.add(new RuleBreak("Impersonations", id, "user " + userId + " or " + byId
                                + " is not imported"));
                        return;
                    }
                    if (userId == byId) {
                        breaks.add(new RuleBreak("Impersonations", id, "nobody impersonates themselves"));
                        return;
                    }
                    Instant at = instant(row.getTimestamp("createdAt"));
                    events.add(new Pending("User", UserIds.aggregateId(userId), new UserImpersonated(id, userId,
                            byId, at), at));
                });
        return new Result(Map.of("Impersonations", events.size()), events, breaks, List.of(),
                Map.of("Impersonations", SectionRows.maxId(source, "Impersonations")));
    }
}
