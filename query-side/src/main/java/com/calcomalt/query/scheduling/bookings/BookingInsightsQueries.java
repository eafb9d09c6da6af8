package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookingInsights;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.FindBookingInsights;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.query.identity.IdentityVisibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking counts from cal.com's {@code BookingTimeStatusDenormalized} view, scoped as cal.com's
 * insights are: a user's personal bookings (no team); a team's bookings and its accepted members'
 * personal ones; an organization's teams' bookings (its own included) and the personal ones of the
 * accepted members of any of them. A team or organization is read by system admins and by its
 * accepted ADMINs and OWNERs (or its organization's), as cal.com's insights allow; a member gets 403,
 * and who cannot see the team at all gets 404. The time range is on startTime, both ends included.
 */
@Component
@Transactional(readOnly = true)
class BookingInsightsQueries {

    static final List<String> SCOPES = List.of("user", "team", "org");
    static final List<String> TIME_STATUSES = List.of("completed", "uncompleted", "cancelled", "rescheduled");

    private static final String TEAM = """
            ("teamId" = :teamId or ("teamId" is null and "userId" in (
                select m."userId" from "Membership" m where m."teamId" = :teamId and m.accepted)))""";

    private static final String ORG = """
            ("teamId" in (select t.id from "Team" t where t.id = :teamId or t."parentId" = :teamId)
             or ("teamId" is null and "userId" in (
                select m."userId" from "Membership" m join "Team" t on t.id = m."teamId"
                where (t.id = :teamId or t."parentId" = :teamId) and m.accepted)))""";

    private final NamedParameterJdbcTemplate jdbc;
    private final IdentityVisibility visibility;

    BookingInsightsQueries(NamedParameterJdbcTemplate jdbc, IdentityVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @QueryHandler
    BookingInsights handle(FindBookingInsights query) {
        Caller caller = query.caller();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String scope;
        if ("user".equals(query.scope())) {
            if (caller.teamScope() != null) {
                throw new AccessDenied("A team's API key reads the insights of its team, not of a user");
            }
            params.addValue("userId", caller.userId());
            scope = "\"userId\" = :userId and \"teamId\" is null";
        } else if ("team".equals(query.scope()) || "org".equals(query.scope())) {
            boolean org = "org".equals(query.scope());
            int teamId = requireRunTeam(caller, query.teamId(), org);
            params.addValue("teamId", teamId);
            scope = org ? ORG : TEAM;
        } else {
            throw new InvalidInput("scope", "is one of " + String.join(", ", SCOPES));
        }
        StringBuilder where = new StringBuilder(scope);
        if (query.from() != null) {
            params.addValue("from", BookingViews.local(query.from()));
            where.append(" and \"startTime\" >= :from");
        }
        if (query.to() != null) {
            params.addValue("to", BookingViews.local(query.to()));
            where.append(" and \"startTime\" <= :to");
        }
        Map<String, Long> byTimeStatus = new LinkedHashMap<>();
        TIME_STATUSES.forEach(s -> byTimeStatus.put(s, 0L));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (BookingStatus status : BookingStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        long[] total = {0};
        jdbc.query("select \"timeStatus\", status::text, count(*) from \"BookingTimeStatusDenormalized\" where "
                + where + " group by 1, 2", params, rs -> {
            long count = rs.getLong(3);
            total[0] += count;
            // The view has no timeStatus for a booking that ends at this very instant: it counts in the total only.
            if (rs.getString(1) != null) {
                byTimeStatus.merge(rs.getString(1), count, Long::sum);
            }
            byStatus.merge(rs.getString(2), count, Long::sum);
        });
        return new BookingInsights(query.scope(), query.teamId(), query.from(), query.to(), total[0], byTimeStatus,
                byStatus);
    }

    private int requireRunTeam(Caller caller, Integer teamId, boolean organization) {
        if (teamId == null) {
            throw new InvalidInput("teamId", "names the team or organization of a team or org scope");
        }
        List<Boolean> isOrganization = jdbc.queryForList("select \"isOrganization\" from \"Team\" where id = :id",
                new MapSqlParameterSource("id", teamId), Boolean.class);
        if (isOrganization.isEmpty() || !visibility.canSeeTeam(caller, teamId)
                || (organization && !Boolean.TRUE.equals(isOrganization.get(0)))) {
            throw new NotFound("No " + (organization ? "organization" : "team") + " with id " + teamId);
        }
        if (!caller.systemAdmin() && !Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from "Team" t join "Membership" m
                                   on m."teamId" = t.id or m."teamId" = t."parentId"
                               where t.id = :teamId and m."userId" = :userId and m.accepted
                                 and m.role in ('ADMIN', 'OWNER'))""",
                new MapSqlParameterSource("teamId", teamId).addValue("userId", caller.userId()), Boolean.class))) {
            throw new AccessDenied("Insights of team " + teamId + " are read by its admins and owners");
        }
        return teamId;
    }
}
