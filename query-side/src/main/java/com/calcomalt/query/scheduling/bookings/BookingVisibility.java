package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.Caller;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which bookings a caller sees, as a condition on {@code "Booking" b}: their own as host, those they
 * attend (by their email), and those of the event types of teams they run as accepted ADMIN or
 * OWNER, directly or as ADMIN or OWNER of the team's organization. System admins see all. A team's
 * API key sees only the bookings of its team's event types (an organization's key: of its teams too),
 * never its maker's own.
 * <p>
 * Each part is an index lookup ({@code Booking_userId_idx}, the primary key through
 * {@code Attendee_email_idx}, {@code Booking_eventTypeId_idx}) so PostgreSQL can OR their bitmaps;
 * the listing unions the parts instead ({@link #branches}).
 * An attendee's email matches the caller's as the users row keeps it or in lower case: a
 * case-insensitive match could not use the index.
 */
final class BookingVisibility {

    private static final String TEAMS_RUN = """
            select e.id from "EventType" e
            join "Team" t on t.id = e."teamId"
            join "Membership" m on m."teamId" = t.id or m."teamId" = t."parentId"
            where m."userId" = :callerId and m.accepted and m.role in ('ADMIN', 'OWNER')%s""";

    private static final String ATTENDS = """
            b.id = any(array(
                select a."bookingId" from "Attendee" a
                where a.email in ((select u.email from users u where u.id = :callerId),
                                  (select lower(u.email) from users u where u.id = :callerId))))""";

    private static final String CO_HOSTS = """
            exists (select 1 from "Attendee" a
                    join users u on u.id = :callerId and lower(u.email) = lower(a.email)
                    join "Host" h on h."userId" = u.id and h."eventTypeId" = b."eventTypeId"
                    where a."bookingId" = b.id)""";

    private static final String LISTING = "query_side.booking_listing";

    private BookingVisibility() {
    }

    static String condition(Caller caller, MapSqlParameterSource params) {
        List<Branch> branches = branches(caller, params);
        return branches.size() == 1 ? branches.get(0).condition()
                : "(" + String.join(" or ", branches.stream().map(Branch::condition).toList()) + ")";
    }

    /**
     * Which bookings a caller may keep notes and references on, as the command side decides it: their
     * organizer's and co-hosts' (an attendee who hosts the event type, as {@link BookingViews} reads
     * them), and those of the event types of teams they run. Never an attendee's or a booker's as such.
     */
    static String hostSide(Caller caller, MapSqlParameterSource params) {
        if (caller.systemAdmin()) {
            return "true";
        }
        params.addValue("callerId", caller.userId());
        if (caller.teamScope() != null) {
            params.addValue("teamScope", caller.teamScope());
            return new PerEventType(TEAMS_RUN.formatted(" and (t.id = :teamScope or t.\"parentId\" = :teamScope)"))
                    .condition();
        }
        return "(b.\"userId\" = :callerId or " + CO_HOSTS + " or "
                + new PerEventType(TEAMS_RUN.formatted("")).condition() + ")";
    }

    /**
     * The same condition in parts, each of which one index of {@code query_side.booking_listing}
     * serves in order, for a listing that unions them instead of reading every booking the OR
     * could match.
     */
    static List<Branch> branches(Caller caller, MapSqlParameterSource params) {
        if (caller.systemAdmin() && caller.teamScope() == null) {
            return List.of(new Where("true"));
        }
        params.addValue("callerId", caller.userId());
        if (caller.teamScope() != null) {
            params.addValue("teamScope", caller.teamScope());
            return List.of(new PerEventType(
                    TEAMS_RUN.formatted(" and (t.id = :teamScope or t.\"parentId\" = :teamScope)")));
        }
        return List.of(new Where("b.\"userId\" = :callerId"), new Where(ATTENDS),
                new PerEventType(TEAMS_RUN.formatted("")));
    }

    /** One way of seeing bookings: a condition on {@code b}, and a select of listing rows "b" that meet it. */
    sealed interface Branch {

        String condition();

        /** Selects {@code columns} of the visible listing rows "b" that meet {@code conditions}, then {@code tail}. */
        String select(String columns, String conditions, String tail);
    }

    record Where(String condition) implements Branch {

        @Override
        public String select(String columns, String conditions, String tail) {
            return "select " + columns + " from " + LISTING + " b where " + condition + conditions + " " + tail;
        }
    }

    /**
     * The bookings of the event types a query finds, read event type by event type: a condition
     * {@code eventTypeId = any(...)} would let PostgreSQL walk every booking in start order when it
     * guesses wrong how many event types there are.
     */
    record PerEventType(String eventTypeIds) implements Branch {

        @Override
        public String condition() {
            return "b.\"eventTypeId\" = any(array(" + eventTypeIds + "))";
        }

        @Override
        public String select(String columns, String conditions, String tail) {
            return "select " + columns + " from unnest(array(" + eventTypeIds + ")) as v(\"eventTypeId\")"
                    + " cross join lateral (select " + columns + " from " + LISTING + " b"
                    + " where b.\"eventTypeId\" = v.\"eventTypeId\"" + conditions + " " + tail + ") b " + tail;
        }
    }
}
