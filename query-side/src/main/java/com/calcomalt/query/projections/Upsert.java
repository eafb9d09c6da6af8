package com.calcomalt.query.projections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row written whole from an event in one statement: {@code insert ... on conflict (id) do update}.
 * For the hottest projectors, where {@link Rows#write}'s find, entity and flush cost three times the
 * insert itself. Handling the event again leaves the same row, and columns it does not name keep what
 * they hold, as with {@link Rows#write}. Values are written as Hibernate writes the entity's fields:
 * instants as UTC timestamps, maps as jsonb, enums by name.
 */
public final class Upsert {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<String> placeholders = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private Upsert(String table) {
        this.table = table;
    }

    /** A row of this table of the public schema (or of the rebuild's shadow schema, by search path). */
    public static Upsert into(String table) {
        return new Upsert(table);
    }

    public Upsert set(String column, Object value) {
        return add(column, "?", value instanceof Instant instant ? utc(instant) : value);
    }

    public Upsert json(String column, Map<String, Object> value) {
        try {
            return add(column, "cast(? as jsonb)", value == null ? null : JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(column, e);
        }
    }

    /** A PostgreSQL enum column; {@code type} is the enum type's name as cal.com spells it. */
    public Upsert enumerated(String column, String type, Enum<?> value) {
        return add(column, "cast(? as \"" + type + "\")", value == null ? null : value.name());
    }

    public void execute(JdbcTemplate jdbc) {
        jdbc.update(sql(), values.toArray());
    }

    /**
     * Writes the row and, in the same statement, what follows from it as written: {@code then} reads
     * the columns named in {@code returning} from {@code written}. The statement passes Hibernate's
     * statement inspector first, as the projectors' native queries do (a rebuild redirects the
     * schema-qualified tables there).
     */
    public void executeThen(EntityManager entityManager, JdbcTemplate jdbc, String returning, String then) {
        String sql = "with written as (" + sql() + " returning " + returning + ") " + then;
        StatementInspector inspector = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getSessionFactoryOptions().getStatementInspector();
        jdbc.update(inspector == null ? sql : inspector.inspect(sql), values.toArray());
    }

    private String sql() {
        StringBuilder sql = new StringBuilder("insert into \"").append(table).append("\" (");
        StringBuilder update = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String column = '"' + columns.get(i) + '"';
            sql.append(i == 0 ? "" : ", ").append(column);
            if (!"id".equals(columns.get(i))) {
                update.append(update.isEmpty() ? "" : ", ").append(column).append(" = excluded.").append(column);
            }
        }
        return sql.append(") values (").append(String.join(", ", placeholders))
                .append(") on conflict (\"id\") do update set ").append(update).toString();
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
