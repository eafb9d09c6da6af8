package com.calcomalt.query.replay;

import com.calcomalt.query.projections.CalcomProjectionsConfiguration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables each processing group writes, which a rebuild copies into its shadow schema and
 * swaps in. A group {@code calcom.X} writes cal.com's table {@code X}; the groups below write more.
 * A table missing here would be written live by the rebuilding processor: keep it beside the
 * group's {@code @ResetHandler}.
 */
final class ProjectionTables {

    private static final Map<String, List<ShadowTables.Table>> MORE = Map.of(
            "calcom.Booking", List.of(cal("Attendee"), cal("BookingSeat"), cal("Tracking"),
                    new ShadowTables.Table("query_side", "booking_listing")),
            "calcom.Schedule", List.of(cal("Availability")),
            "calcom.Credential", List.of(new ShadowTables.Table("query_side", "credential_calendars")));

    /**
     * Indexes a rebuild builds once its shadow has reached the head, in one sort each, instead of
     * keeping them up to date row by row: only queries read through them. Projectors find rows by
     * primary or unique key, by the columns they update in bulk (userId, eventTypeId, teamId,
     * eventParentId) and by foreign-key columns (a deleted user, event type or booking cascades
     * through them), so every index leading with one of those stays. Index upkeep was about half of
     * PostgreSQL's work per inserted booking: 13 indexes on Booking, 13 on BookingDenormalized.
     */
    static final Set<String> BUILT_AT_THE_HEAD = Set.of(
            "Booking_startTime_endTime_status_idx", "Booking_status_idx", "Booking_uid_idx",
            "Booking_recurringEventId_idx", "Booking_fromReschedule_idx",
            "BookingDenormalized_createdAt_idx", "BookingDenormalized_endTime_idx",
            "BookingDenormalized_startTime_endTime_idx", "BookingDenormalized_startTime_idx",
            "BookingDenormalized_status_idx", "BookingDenormalized_teamId_isTeamBooking_idx",
            "BookingDenormalized_userId_isTeamBooking_idx",
            "booking_listing_user_start_idx", "booking_listing_start_idx",
            "Attendee_email_idx");

    private ProjectionTables() {
    }

    /** The tables of these groups that exist (a test's group may have none of its own). */
    static Set<ShadowTables.Table> of(Set<String> groups, ShadowTables shadows) {
        Set<ShadowTables.Table> tables = new LinkedHashSet<>();
        for (String group : groups) {
            if (group.startsWith(CalcomProjectionsConfiguration.GROUP_PREFIX)) {
                tables.add(cal(group.substring(CalcomProjectionsConfiguration.GROUP_PREFIX.length())));
            }
            tables.addAll(MORE.getOrDefault(group, List.of()));
        }
        tables.removeIf(table -> !shadows.exists(table));
        return tables;
    }

    private static ShadowTables.Table cal(String name) {
        return new ShadowTables.Table("public", name);
    }
}
