package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.maxId;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.MembershipIds;
import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.OrganizationProfileDetailsImported;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** cal.com's {@code Profile}: a member's username inside an organization, an event of their membership there. */
@Component
@Order(30)
class ProfileImport implements ImportSection {

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        Map<String, Integer> firstByUsername = new HashMap<>();
        Set<Integer> membershipsWithProfile = new HashSet<>();
        each(source, """
                select id, uid, "userId", "organizationId", username, "createdAt", "updatedAt" from "Profile"
                order by id""", row -> {
            int id = row.getInt("id");
            int userId = row.getInt("userId");
            int organizationId = row.getInt("organizationId");
            String username = row.getString("username");
            Integer membership = imported.membershipIds().get(userId + "/" + organizationId);
            if (membership == null || !imported.organizationIds().contains(organizationId)) {
                breaks.add(new RuleBreak("Profile", id, "user " + userId + " has no imported membership of"
                        + " organization " + organizationId));
                return;
            }
            // Our lookups hold a username once per organization, in any letter case.
            String key = organizationId + "/" + username.toLowerCase(Locale.ROOT);
            Integer first = firstByUsername.putIfAbsent(key, id);
            if (first != null) {
                breaks.add(new RuleBreak("Profile", id, "username '" + username + "' is profile " + first
                        + "'s in organization " + organizationId + " ignoring case"));
                return;
            }
            if (!membershipsWithProfile.add(membership)) {
                breaks.add(new RuleBreak("Profile", id, "user " + userId + " has a profile in organization "
                        + organizationId + " already"));
                return;
            }
            Instant created = instant(row.getTimestamp("createdAt"));
            events.add(new Pending("Membership", MembershipIds.aggregateId(membership), new OrganizationProfileCreated(
                    id, row.getString("uid"), userId, organizationId, username, created), created));
            Instant updated = instant(row.getTimestamp("updatedAt"));
            if (!updated.equals(created)) {
                events.add(new Pending("Membership", MembershipIds.aggregateId(membership),
                        new OrganizationProfileDetailsImported(id, userId, organizationId, updated), updated));
            }
        });
        int rows = (int) events.stream().filter(e -> e.payload() instanceof OrganizationProfileCreated).count();
        return new Result(Map.of("Profile", rows), events, breaks, List.of(),
                Map.of("Profile", maxId(source, "Profile")));
    }
}
