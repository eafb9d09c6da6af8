package com.calcomalt.query.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.features.FeatureChanged;
import com.calcomalt.contracts.features.FeatureCreated;
import com.calcomalt.contracts.features.FeatureDetailsImported;
import com.calcomalt.contracts.features.FeatureIds;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.TeamFeatureRemoved;
import com.calcomalt.contracts.features.TeamFeatureSet;
import com.calcomalt.contracts.features.UserFeatureRemoved;
import com.calcomalt.contracts.features.UserFeatureSet;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.query.support.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Flag events through the event store and the real processor into cal.com's three tables, and again on a replay. */
class FeatureProjectorsTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2026-03-29T00:59:59.250Z");
    private static final Instant T1 = Instant.parse("2026-03-29T01:00:00.500Z");
    private static final Instant T2 = Instant.parse("2026-03-29T01:00:01.750Z");

    private int user() {
        int userId = uniqueId();
        publish("User", "user:" + userId, new UserRegistered(userId, UUID.randomUUID(), "f" + userId + "@example.com",
                "f" + userId, null, "UTC", "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2, T0));
        return userId;
    }

    private int team(int owner) {
        int teamId = uniqueId();
        publish("Team", "team:" + teamId, new TeamCreated(teamId, "Team", "team-" + teamId, null, false,
                new TeamSettings(null, false, false, null, null, null, null, null, null, null, null, null, "UTC",
                        "Monday", false, null, null, false, RRResetInterval.MONTH, RRTimestampBasis.CREATED_AT, false),
                owner, T0));
        return teamId;
    }

    private String feature(String description) {
        String slug = "flag-" + uniqueId();
        publish("Feature", FeatureIds.feature(slug),
                new FeatureCreated(slug, false, description, FeatureType.KILL_SWITCH, 1, T0));
        return slug;
    }

    private Map<String, Object> featureRow(String slug) {
        return jdbc.queryForMap("""
                select enabled, description, type::text as type, stale, "lastUsedAt", "createdAt"::text as created,
                       "updatedAt"::text as updated, "updatedBy" from "Feature" where slug = ?""", slug);
    }

    private List<Map<String, Object>> grants(String table, String holder, int holderId) {
        return jdbc.queryForList("""
                select "featureId", enabled, "assignedBy", "assignedAt"::text as assigned, "updatedAt"::text as updated
                from "%s" where "%s" = ?""".formatted(table, holder), holderId);
    }

    private List<String> rows(String table) {
        return jdbc.queryForList("select t::text from \"" + table + "\" t order by 1", String.class);
    }

    @Test
    void an_imported_flag_keeps_cal_coms_last_use_and_an_author_of_no_one() {
        String slug = feature("imported");
        publish("Feature", FeatureIds.feature(slug), new FeatureDetailsImported(slug, null, T2));
        awaitProjectionsCaughtUp();

        Map<String, Object> row = jdbc.queryForMap("select * from \"Feature\" where slug = ?", slug);
        assertThat(row.get("updatedBy")).isNull();
        assertThat(row.get("lastUsedAt")).isEqualTo(java.sql.Timestamp.valueOf(
                java.time.LocalDateTime.ofInstant(T2, java.time.ZoneOffset.UTC)));
    }

    @Test
    void a_feature_is_projected_column_for_column_and_follows_its_changes() {
        String slug = feature("Stops bookings");
        awaitProjectionsCaughtUp();
        assertThat(featureRow(slug)).containsEntry("enabled", false).containsEntry("description", "Stops bookings")
                .containsEntry("type", "KILL_SWITCH").containsEntry("stale", false).containsEntry("lastUsedAt", null)
                .containsEntry("created", "2026-03-29 00:59:59.25").containsEntry("updated", "2026-03-29 00:59:59.25")
                .containsEntry("updatedBy", 1);

        publish("Feature", FeatureIds.feature(slug),
                new FeatureChanged(slug, true, null, FeatureType.OPERATIONAL, true, 7, T1));
        awaitProjectionsCaughtUp();

        assertThat(featureRow(slug)).containsEntry("enabled", true).containsEntry("description", null)
                .containsEntry("type", "OPERATIONAL").containsEntry("stale", true)
                .containsEntry("created", "2026-03-29 00:59:59.25").containsEntry("updated", "2026-03-29 01:00:00.5")
                .containsEntry("updatedBy", 7);
    }

    @Test
    void team_and_user_grants_are_kept_changed_and_deleted_as_cal_com_keeps_them() {
        int owner = user();
        int teamId = team(owner);
        String slug = feature(null);
        String teamStream = FeatureIds.teamFeature(teamId, slug);
        String userStream = FeatureIds.userFeature(owner, slug);
        publish("TeamFeature", teamStream, new TeamFeatureSet(teamId, slug, true, "user:" + owner, T0, T0));
        publish("UserFeature", userStream, new UserFeatureSet(owner, slug, false, "user:1", T1, T1));
        awaitProjectionsCaughtUp();
        assertThat(grants("TeamFeatures", "teamId", teamId)).containsExactly(Map.of("featureId", slug,
                "enabled", true, "assignedBy", "user:" + owner, "assigned", "2026-03-29 00:59:59.25",
                "updated", "2026-03-29 00:59:59.25"));
        assertThat(grants("UserFeatures", "userId", owner)).containsExactly(Map.of("featureId", slug,
                "enabled", false, "assignedBy", "user:1", "assigned", "2026-03-29 01:00:00.5",
                "updated", "2026-03-29 01:00:00.5"));

        publish("TeamFeature", teamStream, new TeamFeatureSet(teamId, slug, false, "user:1", T0, T2));
        publish("UserFeature", userStream, new UserFeatureRemoved(owner, slug, 1, T2));
        awaitProjectionsCaughtUp();
        assertThat(grants("TeamFeatures", "teamId", teamId)).containsExactly(Map.of("featureId", slug,
                "enabled", false, "assignedBy", "user:1", "assigned", "2026-03-29 00:59:59.25",
                "updated", "2026-03-29 01:00:01.75"));
        assertThat(grants("UserFeatures", "userId", owner)).isEmpty();

        publish("TeamFeature", teamStream, new TeamFeatureRemoved(teamId, slug, 1, T2));
        awaitProjectionsCaughtUp();
        assertThat(grants("TeamFeatures", "teamId", teamId)).isEmpty();
    }

    @Test
    void a_replay_rebuilds_the_three_tables_identically_with_a_deleted_teams_grants_gone_by_cascade() {
        int owner = user();
        int kept = team(owner);
        int deleted = team(owner);
        String slug = feature("Replayed");
        publish("Feature", FeatureIds.feature(slug), new FeatureChanged(slug, true, "Replayed",
                FeatureType.KILL_SWITCH, false, 1, T1));
        publish("TeamFeature", FeatureIds.teamFeature(kept, slug),
                new TeamFeatureSet(kept, slug, true, "user:" + owner, T1, T1));
        publish("TeamFeature", FeatureIds.teamFeature(deleted, slug),
                new TeamFeatureSet(deleted, slug, true, "user:" + owner, T1, T1));
        publish("UserFeature", FeatureIds.userFeature(owner, slug),
                new UserFeatureSet(owner, slug, true, "user:1", T1, T1));
        publish("Team", "team:" + deleted, new TeamDeleted(deleted, null, T2));
        awaitProjectionsCaughtUp();
        assertThat(grants("TeamFeatures", "teamId", deleted)).isEmpty();
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String table : List.of("Feature", "TeamFeatures", "UserFeatures")) {
            before.put(table, rows(table));
        }
        assertThat(before.get("TeamFeatures")).isNotEmpty();

        projections.replayAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("Feature").size() == before.get("Feature").size());
        awaitProjectionsCaughtUp();

        before.forEach((table, rows) -> assertThat(rows(table)).as(table).containsExactlyElementsOf(rows));
    }
}
