package com.calcomalt.allinone.importing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;

/** Reading cal.com's rows in the import's snapshot. */
final class SectionRows {

    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private SectionRows() {
    }

    static void each(Connection source, String sql, Row row) throws SQLException {
        try (var statement = source.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }

    static int maxId(Connection source, String table) throws SQLException {
        try (var statement = source.createStatement();
             var rows = statement.executeQuery("select coalesce(max(id), 0) from \"" + table + "\"")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** cal.com stores times without a zone, meaning UTC. */
    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    static Integer integer(ResultSet row, String column) throws SQLException {
        return (Integer) row.getObject(column);
    }
}
