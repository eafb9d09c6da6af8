package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.Caller;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which bookings a caller sees, as a condition on {@code "Booking" b}: their own as host, those they
 * attend (by their email), and those of the event types of teams they run as accepted ADMIN or
 * OWNER, directly or as ADMIN or OWNER of the team's organization. System admins see all. A team's
 * API key sees only the bookings of its team's event types (an organization's key: of its teams too),
 * never its maker's own.
 * <p>
 * Each part is an index lookup ({@code Booking_userId_idx}, the primary key through
 * {@code Attendee_email_idx}, {@code Booking_eventTypeId_idx}) so PostgreSQL can OR their bitmaps.
 * An attendee's email matches the caller's as the users row keeps it or in lower case: a
 * case-insensitive match could not use the index.
 */
final class BookingVisibility {

    private static final String RUN_TEAMS = """
            b."eventTypeId" = any(array(
                select e.id from "EventType" e
                join "Team" t on t.id = e."teamId"
                join "Membership" m on m."teamId" = t.id or m."teamId" = t."parentId"
                where m."userId" = :callerId and m.accepted and m.role in ('ADMIN', 'OWNER')%s))""";

    private static final String ATTENDS = """
            b.id = any(array(
                select a."bookingId" from "Attendee" a
                where a.email in ((select u.email from users u where u.id = :callerId),
                                  (select lower(u.email) from users u where u.id = :callerId))))""";

    private BookingVisibility() {
    }

    static String condition(Caller caller, MapSqlParameterSource params) {
        if (caller.systemAdmin() && caller.teamScope() == null) {
            return "true";
        }
        params.addValue("callerId", caller.userId());
        if (caller.teamScope() != null) {
            params.addValue("teamScope", caller.teamScope());
            return RUN_TEAMS.formatted(" and (t.id = :teamScope or t.\"parentId\" = :teamScope)");
        }
        return "(b.\"userId\" = :callerId or " + ATTENDS + " or " + RUN_TEAMS.formatted("") + ")";
    }
}
