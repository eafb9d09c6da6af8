package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.features.FeatureChanged;
import com.calcomalt.contracts.features.FeatureCreated;
import com.calcomalt.contracts.features.FeatureDetailsImported;
import com.calcomalt.contracts.features.FeatureIds;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.TeamFeatureSet;
import com.calcomalt.contracts.features.UserFeatureSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** cal.com's feature flags and their grants to users and teams. */
@Component
@Order(10)
class FeatureImport implements ImportSection {

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        int[] features = {0};
        each(source, """
                select slug, enabled, description, type::text, stale, "updatedBy", "createdAt", "updatedAt", "lastUsedAt"
                from "Feature" order by slug""", row -> {
            String slug = row.getString("slug");
            String type = row.getString("type");
            // cal.com's seeded flags name no one; the events keep 0 for "no user".
            Integer updatedBy = integer(row, "updatedBy");
            int by = updatedBy == null ? 0 : updatedBy;
            Instant created = instant(row.getTimestamp("createdAt"));
            Instant updated = instant(row.getTimestamp("updatedAt"));
            if (type == null || created == null) {
                breaks.add(new RuleBreak("Feature", slug, "type or createdAt is empty"));
                return;
            }
            String id = FeatureIds.feature(slug);
            FeatureType featureType = FeatureType.valueOf(type);
            events.add(new Pending("Feature", id, new FeatureCreated(slug, row.getBoolean("enabled"),
                    row.getString("description"), featureType, by, created), created));
            if (row.getBoolean("stale") || (updated != null && !updated.equals(created))) {
                Instant at = updated == null ? created : updated;
                events.add(new Pending("Feature", id, new FeatureChanged(slug, row.getBoolean("enabled"),
                        row.getString("description"), featureType, row.getBoolean("stale"), by, at), at));
            }
            Instant lastUsed = instant(row.getTimestamp("lastUsedAt"));
            if (updatedBy == null || lastUsed != null) {
                Instant at = updated == null ? created : updated;
                events.add(new Pending("Feature", id, new FeatureDetailsImported(slug, updatedBy, lastUsed), at));
            }
            slugs.add(slug);
            features[0]++;
        });
        int users = grants(source, "UserFeatures", "userId", imported.userRegisteredAt().keySet(), slugs, events,
                breaks);
        int teams = grants(source, "TeamFeatures", "teamId", imported.teamIds(), slugs, events, breaks);
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("Feature", features[0]);
        rows.put("UserFeatures", users);
        rows.put("TeamFeatures", teams);
        return new Result(rows, events, breaks, List.of(), Map.of());
    }

    private static int grants(Connection source, String table, String owner, Set<Integer> owners, Set<String> slugs,
                              List<Pending> events, List<RuleBreak> breaks) throws SQLException {
        int[] count = {0};
        each(source, "select \"" + owner + "\", \"featureId\", enabled, \"assignedBy\", \"assignedAt\", \"updatedAt\""
                + " from \"" + table + "\" order by \"" + owner + "\", \"featureId\"", row -> {
            int ownerId = row.getInt(1);
            String slug = row.getString("featureId");
            if (!owners.contains(ownerId) || !slugs.contains(slug)) {
                breaks.add(new RuleBreak(table, ownerId + "/" + slug, owner + " " + ownerId + " or feature '" + slug
                        + "' is not imported"));
                return;
            }
            Instant assigned = instant(row.getTimestamp("assignedAt"));
            Object event = table.equals("UserFeatures")
                    ? new UserFeatureSet(ownerId, slug, row.getBoolean("enabled"), row.getString("assignedBy"),
                            assigned, instant(row.getTimestamp("updatedAt")))
                    : new TeamFeatureSet(ownerId, slug, row.getBoolean("enabled"), row.getString("assignedBy"),
                            assigned, instant(row.getTimestamp("updatedAt")));
            events.add(table.equals("UserFeatures")
                    ? new Pending("UserFeature", FeatureIds.userFeature(ownerId, slug), event, assigned)
                    : new Pending("TeamFeature", FeatureIds.teamFeature(ownerId, slug), event, assigned));
            count[0]++;
        });
        return count[0];
    }
}
