package com.calcomalt.platform.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row's statement: {@code insert ... on conflict (id) do update} for a row written whole from
 * an event (handling it again leaves the same row; columns it does not name keep what they hold),
 * or {@code update ... where id} for the columns an event changes in a row written earlier. Values
 * are written as Hibernate writes the entities' fields: instants as UTC timestamps, maps as jsonb,
 * enums by name. Rows of one table with the same columns share the statement's text, so
 * {@link BatchedRows} sends them in one JDBC batch.
 */
public final class Upsert {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String table;
    private final boolean update;
    // Room for cal.com's widest rows (Booking, BookingDenormalized): growing the lists was 8% of a replay's statements.
    private final List<String> columns = new ArrayList<>(48);
    private final List<String> placeholders = new ArrayList<>(48);
    private final List<Object> values = new ArrayList<>(48);

    private Upsert(String table, boolean update) {
        this.table = table;
        this.update = update;
    }

    /** A row written whole; {@code table} as SQL names it (quoted, schema-qualified where needed). */
    public static Upsert into(String table) {
        return new Upsert(table, false);
    }

    /** Some columns of a row that must exist; the first value {@link #set} must be its {@code id}. */
    public static Upsert update(String table) {
        return new Upsert(table, true);
    }

    public Upsert set(String column, Object value) {
        return add(column, "?", value instanceof Instant instant ? utc(instant) : value);
    }

    public Upsert json(String column, Map<String, Object> value) {
        try {
            return add(column, "cast(? as jsonb)", value == null ? null : value.isEmpty() ? "{}" : JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(column, e);
        }
    }

    /** A PostgreSQL enum column; {@code type} is the enum type's name as cal.com spells it. */
    public Upsert enumerated(String column, String type, Enum<?> value) {
        return add(column, "cast(? as \"" + type + "\")", value == null ? null : value.name());
    }

    String sql() {
        if (update) {
            StringBuilder sql = new StringBuilder("update ").append(table).append(" set ");
            for (int i = 1; i < columns.size(); i++) {
                sql.append(i == 1 ? "" : ", ").append('"').append(columns.get(i)).append("\" = ").append(placeholders.get(i));
            }
            return sql.append(" where \"id\" = ").append(placeholders.get(0)).toString();
        }
        return insert(1);
    }

    /**
     * The insert of {@code rows} rows of this statement's columns in one statement: PostgreSQL then
     * plans and executes once for them all, where a JDBC batch still runs one statement per row.
     */
    String insert(int rows) {
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (");
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String column = '"' + columns.get(i) + '"';
            sql.append(i == 0 ? "" : ", ").append(column);
            if (!"id".equals(columns.get(i))) {
                changes.append(changes.isEmpty() ? "" : ", ").append(column).append(" = excluded.").append(column);
            }
        }
        String row = "(" + String.join(", ", placeholders) + ")";
        sql.append(") values ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.append(" on conflict (\"id\") do update set ").append(changes).toString();
    }

    int columnCount() {
        return columns.size();
    }

    /** The values in the statement's order: an update names its id last. */
    Object[] values() {
        if (!update) {
            return values.toArray();
        }
        List<Object> ordered = new ArrayList<>(values.subList(1, values.size()));
        ordered.add(values.get(0));
        return ordered.toArray();
    }

    /** Counted by a batch that checks an update found its row. */
    boolean mustFindRow() {
        return update;
    }

    private Upsert add(String column, String placeholder, Object value) {
        columns.add(column);
        placeholders.add(placeholder);
        values.add(value);
        return this;
    }

    /** Whatever the JVM's zone: the driver sends a LocalDateTime as it is, into timestamp without time zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
