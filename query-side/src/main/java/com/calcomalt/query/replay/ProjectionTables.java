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
