package com.calcomalt.query.features;

import com.calcomalt.contracts.features.CallerFeature;
import com.calcomalt.contracts.features.CallerFeatures;
import com.calcomalt.contracts.features.FeatureAssignmentView;
import com.calcomalt.contracts.features.FeatureEvaluation;
import com.calcomalt.contracts.features.FeatureEvaluation.TeamStanding;
import com.calcomalt.contracts.features.FeatureList;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.features.FeatureView;
import com.calcomalt.contracts.features.FindCallerFeatures;
import com.calcomalt.contracts.features.FindFeature;
import com.calcomalt.contracts.features.FindFeatures;
import com.calcomalt.contracts.features.FindTeamFeatures;
import com.calcomalt.contracts.features.FindUserFeatures;
import com.calcomalt.contracts.features.TeamFeatureGrants;
import com.calcomalt.contracts.features.UserFeatureGrants;
import com.calcomalt.query.identity.IdentityVisibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flags, read from cal.com's tables: all of them for system admins, a team's own grants for
 * whoever sees the team, and the caller's own flags, decided by the same {@link FeatureEvaluation}
 * the command side consults.
 */
@Component
@Transactional(readOnly = true)
class FeatureQueries {

    private static final String FEATURE_COLUMNS = """
            select slug, enabled, description, type::text, stale, "lastUsedAt", "createdAt", "updatedAt", "updatedBy"
            from "Feature" """;

    private final JdbcTemplate jdbc;
    private final IdentityVisibility visibility;

    FeatureQueries(JdbcTemplate jdbc, IdentityVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @QueryHandler
    FeatureList handle(FindFeatures query) {
        if (!query.caller().systemAdmin()) {
            return new FeatureList(List.of());
        }
        return new FeatureList(jdbc.query(FEATURE_COLUMNS + "order by slug", FeatureQueries::feature));
    }

    @QueryHandler
    Optional<FeatureView> handle(FindFeature query) {
        if (!query.caller().systemAdmin()) {
            return Optional.empty();
        }
        return jdbc.query(FEATURE_COLUMNS + "where slug = ?", FeatureQueries::feature, query.slug()).stream()
                .findFirst();
    }

    @QueryHandler
    Optional<TeamFeatureGrants> handle(FindTeamFeatures query) {
        if (!visibility.canSeeTeam(query.caller(), query.teamId())) {
            return Optional.empty();
        }
        return Optional.of(new TeamFeatureGrants(jdbc.query("""
                select "teamId", "featureId", enabled, "assignedBy", "assignedAt", "updatedAt" from "TeamFeatures"
                where "teamId" = ? order by "featureId\"""", (rs, i) -> new FeatureAssignmentView(rs.getInt(1), null,
                rs.getString(2), rs.getBoolean(3), rs.getString(4), instant(rs, 5), instant(rs, 6)), query.teamId())));
    }

    /** Only system admins set a user's rows, so they and the user read them back; nobody else learns of them. */
    @QueryHandler
    Optional<UserFeatureGrants> handle(FindUserFeatures query) {
        if (!query.caller().systemAdmin() && query.caller().userId() != query.userId()) {
            return Optional.empty();
        }
        return Optional.of(new UserFeatureGrants(jdbc.query("""
                select "userId", "featureId", enabled, "assignedBy", "assignedAt", "updatedAt" from "UserFeatures"
                where "userId" = ? order by "featureId\"""", (rs, i) -> new FeatureAssignmentView(null, rs.getInt(1),
                rs.getString(2), rs.getBoolean(3), rs.getString(4), instant(rs, 5), instant(rs, 6)), query.userId())));
    }

    /** Every flag on globally, each decided from the caller's own row and their accepted teams' and organizations'. */
    @QueryHandler
    CallerFeatures handle(FindCallerFeatures query) {
        int userId = query.caller().userId();
        Map<String, Boolean> userRows = new HashMap<>();
        jdbc.query("select \"featureId\", enabled from \"UserFeatures\" where \"userId\" = ?",
                rs -> { userRows.put(rs.getString(1), rs.getBoolean(2)); }, userId);
        Map<Integer, Integer> organizationOf = new HashMap<>();
        jdbc.query("""
                select t.id, case when t."isOrganization" then null else t."parentId" end
                from "Membership" m join "Team" t on t.id = m."teamId" where m."userId" = ? and m.accepted""",
                rs -> { organizationOf.put(rs.getInt(1), (Integer) rs.getObject(2)); }, userId);
        Map<String, Map<Integer, Boolean>> teamRows = new HashMap<>();
        jdbc.query("""
                select "featureId", "teamId", enabled from "TeamFeatures" where "teamId" in (
                    select t.id from "Membership" m join "Team" t on t.id = m."teamId"
                    where m."userId" = ? and m.accepted
                    union select t."parentId" from "Membership" m join "Team" t on t.id = m."teamId"
                    where m."userId" = ? and m.accepted and t."parentId" is not null)""",
                rs -> { teamRows.computeIfAbsent(rs.getString(1), slug -> new HashMap<>())
                        .put(rs.getInt(2), rs.getBoolean(3)); }, userId, userId);
        List<CallerFeature> has = new ArrayList<>();
        jdbc.query("select slug, type::text, description from \"Feature\" where enabled order by slug", rs -> {
            String slug = rs.getString(1);
            Map<Integer, Boolean> rows = teamRows.getOrDefault(slug, Map.of());
            List<TeamStanding> teams = organizationOf.entrySet().stream().map(team -> new TeamStanding(
                    rows.get(team.getKey()), team.getValue() == null ? null : rows.get(team.getValue()))).toList();
            if (FeatureEvaluation.userHas(true, userRows.get(slug), teams)) {
                has.add(new CallerFeature(slug, type(rs.getString(2)), rs.getString(3)));
            }
        });
        return new CallerFeatures(has);
    }

    private static FeatureView feature(ResultSet rs, int row) throws SQLException {
        return new FeatureView(rs.getString(1), rs.getBoolean(2), rs.getString(3), type(rs.getString(4)),
                rs.getBoolean(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), (Integer) rs.getObject(9));
    }

    /** cal.com's column may be null; its default is RELEASE. */
    private static FeatureType type(String type) {
        return type == null ? FeatureType.RELEASE : FeatureType.valueOf(type);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
