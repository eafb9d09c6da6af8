package com.calcomalt.allinone.importing;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A part of the import after users, teams, memberships and schedules: it reads its cal.com tables in the
 * import's snapshot, reports the rows that break our rules, defers the rows that point into tables not
 * imported yet, and gives the events that recreate the rest. Sections run in their {@code @Order}.
 */
public interface ImportSection {

    /**
     * What the import brings over before the sections, for their references to check.
     *
     * @param membershipIds membership id by {@code userId + "/" + teamId}
     * @param eventTypeIds empty until event types are imported: rows that name an event type are deferred
     * @param bookingIds the bookings written
     */
    record Imported(Map<Integer, Instant> userRegisteredAt, Set<Integer> teamIds, Set<Integer> organizationIds,
                    Map<String, Integer> membershipIds, Set<Integer> eventTypeIds, Set<Integer> bookingIds) {
    }

    /** An event of an aggregate; it gets its sequence number when appended, after the aggregate's events so far. */
    record Pending(String aggregateType, String aggregateId, Object payload, Instant at) {
    }

    /**
     * @param rows imported rows per cal.com table
     * @param deferred rows left out because they name rows of tables not imported yet: not rule breakers
     * @param maxIds the largest source id per table whose ids the allocator draws from a sequence
     */
    record Result(Map<String, Integer> rows, List<Pending> events, List<RuleBreak> ruleBreaks,
                  List<RuleBreak> deferred, Map<String, Integer> maxIds) {
    }

    Result read(Connection source, Imported imported) throws SQLException;

    /**
     * A section whose tables grow with the bookings: it gives its events as it reads its rows instead of keeping
     * them. The import reads it twice in the same snapshot, to check and then to write, so its events are never
     * all in memory; its result's events are then empty.
     */
    interface Streamed extends ImportSection {

        Result read(Connection source, Imported imported, Consumer<Pending> events) throws SQLException;

        @Override
        default Result read(Connection source, Imported imported) throws SQLException {
            List<Pending> events = new ArrayList<>();
            Result result = read(source, imported, events::add);
            return new Result(result.rows(), events, result.ruleBreaks(), result.deferred(), result.maxIds());
        }
    }
}
