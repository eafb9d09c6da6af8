package com.calcomalt.query.scheduling;

import static com.calcomalt.platform.database.Timestamps.instant;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.FindOutOfOfficeEntries;
import com.calcomalt.contracts.scheduling.FindOutOfOfficeReasons;
import com.calcomalt.contracts.scheduling.OutOfOfficeEntryView;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonName;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Times away and their reasons, seen as they are written: a user's entries and own reasons by whoever
 * may act as that user (so never through a team's key); everybody's reasons by everyone.
 */
@Component
@Transactional(readOnly = true)
class OutOfOfficeQueries {

    private final JdbcTemplate jdbc;

    OutOfOfficeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<OutOfOfficeEntryView> handle(FindOutOfOfficeEntries query) {
        Caller caller = query.caller();
        if (!caller.mayActAs(caller.userId())) {
            return List.of();
        }
        String order = "e.\"start\" " + direction(query.sortStart()) + ", e.\"end\" " + direction(query.sortEnd())
                + ", e.id";
        return jdbc.query("""
                select e.id, e.uuid, e."userId", e."toUserId", e."start", e."end", e.notes, e."reasonId",
                       e."showNotePublicly", e."createdAt", e."updatedAt", r.reason
                from "OutOfOfficeEntry" e left join "OutOfOfficeReason" r on r.id = e."reasonId"
                where e."userId" = ? order by %s limit ? offset ?""".formatted(order),
                OutOfOfficeQueries::entry, caller.userId(), query.take(), query.skip());
    }

    @QueryHandler
    List<OutOfOfficeReasonView> handle(FindOutOfOfficeReasons query) {
        Caller caller = query.caller();
        return jdbc.query("""
                select id, emoji, reason, "userId" from "OutOfOfficeReason"
                where enabled and ("userId" is null or ("userId" = ? and ?))
                order by "userId" nulls first, id""",
                (rs, i) -> new OutOfOfficeReasonView(rs.getInt(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4)),
                caller.userId(), caller.mayActAs(caller.userId()));
    }

    private static String direction(String sort) {
        return "desc".equals(sort) ? "desc" : "asc";
    }

    private static OutOfOfficeEntryView entry(ResultSet rs, int row) throws SQLException {
        return new OutOfOfficeEntryView(rs.getInt(1), rs.getString(2), rs.getInt(3), (Integer) rs.getObject(4),
                instant(rs, 5), instant(rs, 6), rs.getString(7), OutOfOfficeReasonName.fromKey(rs.getString(12)),
                (Integer) rs.getObject(8), rs.getBoolean(9), instant(rs, 10), instant(rs, 11));
    }
}
