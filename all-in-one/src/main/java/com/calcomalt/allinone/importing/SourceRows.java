package com.calcomalt.allinone.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Reading cal.com's columns into the values our events carry. */
final class SourceRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceRows() {
    }

    static Map<String, Object> object(String text) {
        return read(text, new TypeReference<>() { });
    }

    static List<Map<String, Object>> list(String text) {
        return read(text, new TypeReference<>() { });
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : JSON.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("Not the JSON expected: " + text, e);
        }
    }

    /** cal.com stores times without a zone, meaning UTC. */
    static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    static Integer integer(ResultSet rows, String column) throws SQLException {
        return (Integer) rows.getObject(column);
    }

    static Boolean bool(ResultSet rows, String column) throws SQLException {
        return (Boolean) rows.getObject(column);
    }
}
