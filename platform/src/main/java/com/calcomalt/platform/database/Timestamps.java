package com.calcomalt.platform.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from PostgreSQL through JDBC, whatever the JVM's time zone: cal.com's tables keep UTC wall times
 * in {@code timestamp(3)} columns, ours keep {@code timestamptz}; the driver takes and gives neither as an
 * {@link Instant}.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * The instant as a {@code timestamptz} parameter; null stays null. Not for a {@code timestamp} column: PostgreSQL
     * would cast it to the session's zone, which the driver sets to the JVM's; those take the UTC wall time.
     */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamp} or {@code timestamptz} column as an instant (the former read as UTC); null when null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        if ("timestamptz".equals(rs.getMetaData().getColumnTypeName(column))) {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        return utc(rs.getObject(column, LocalDateTime.class));
    }

    /** A UTC wall time, as cal.com's {@code timestamp(3)} columns keep it, as an instant; null stays null. */
    public static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
