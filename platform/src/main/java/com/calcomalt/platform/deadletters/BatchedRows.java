package com.calcomalt.platform.deadletters;

import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows that {@link Batched} handlers write, held for the processor's batch and written at its
 * end in one JDBC batch per table and statement, instead of a find, an entity and a flush per row
 * and event: a replay is bound by round trips to PostgreSQL. A row written and changed again in the
 * same batch is written once, as it ends up. A later event of the batch reads the row from here, so
 * what a batch reads back (a booking's lifecycle) comes from memory.
 *
 * <p>Rows wait only while {@link Savepoints} are off. Should writing them out fail at the batch's
 * end, no event can be blamed yet: savepoints are turned on and the batch fails, to be retried with
 * each handler's rows written inside its own savepoint, so that only the failing event is
 * dead-lettered, as for every other handler. Outside a processor's batch rows are written at once.
 */
public class BatchedRows {

    private static final Logger log = LoggerFactory.getLogger(BatchedRows.class);
    private static final String RESOURCE = BatchedRows.class.getName();
    /** PostgreSQL's protocol counts a statement's parameters in 16 bits. */
    private static final int MAX_PARAMETERS = 32_000;

    private final Savepoints savepoints;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
    private final int rowsPerInsert;

    /** {@code rowsPerInsert}: whole rows of one table sent in one insert statement (1: one statement per row). */
    public BatchedRows(Savepoints savepoints, JdbcTemplate jdbc,
                       ObjectProvider<EntityManagerFactory> entityManagerFactory, int rowsPerInsert) {
        this.savepoints = savepoints;
        this.jdbc = jdbc;
        this.entityManagerFactory = entityManagerFactory;
        this.rowsPerInsert = rowsPerInsert;
    }

    /**
     * A table whose rows wait in a batch. {@code order}: rows are written in this order of their
     * tables, a table after those its rows point at. {@code whole}: the statement of a row written
     * from an event; {@code changed}: that of a row loaded from the table and changed.
     */
    public record Table<R>(String name, int order, Function<R, Upsert> whole, Function<R, Upsert> changed) {
    }

    /** Writes a row whole from an event. */
    public <R> void write(Table<R> table, Object id, R row) {
        Pending pending = pending();
        if (pending == null) {
            execute(List.of(table.whole().apply(row)));
        } else {
            pending.rows.put(new Key(table.name(), id), new Entry<>(table, row, table.whole()));
        }
    }

    /**
     * Changes a row written earlier: the one waiting in this batch, else the one {@code load} finds,
     * which must be detached from any persistence context. An event about a row that is missing means
     * the stream is broken: fail and retry, never skip.
     */
    public <R> void change(Table<R> table, Object id, Supplier<R> load, Consumer<R> change) {
        Pending pending = pending();
        Entry<R> waiting = pending == null ? null : pending.get(table, id);
        if (waiting != null) {
            change.accept(waiting.row);
            return;
        }
        R row = load.get();
        if (row == null) {
            throw new IllegalStateException("No " + table.name() + " " + id + " to change");
        }
        change.accept(row);
        if (pending == null) {
            execute(List.of(table.changed().apply(row)));
        } else {
            pending.rows.put(new Key(table.name(), id), new Entry<>(table, row, table.changed()));
        }
    }

    /** A row as this batch leaves it so far: the one waiting, else the one {@code load} finds. */
    public <R> R read(Table<R> table, Object id, Supplier<R> load) {
        Pending pending = pending();
        Entry<R> waiting = pending == null ? null : pending.get(table, id);
        return waiting != null ? waiting.row : load.get();
    }

    /**
     * Lets rows wait in the current unit of work (the processor's batch), to be written when it
     * prepares its commit, in the same transaction as the batch's token.
     */
    void holdForBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (batch.resources().containsKey(RESOURCE)) {
            return;
        }
        batch.resources().put(RESOURCE, new Pending());
        batch.onPrepareCommit(u -> writeOutAtBatchEnd());
    }

    /** Writes the rows waiting now, before a handler that may read them or point at them. */
    void writeOut() {
        Pending pending = pending();
        if (pending == null || pending.rows.isEmpty()) {
            return;
        }
        List<List<Upsert>> statements = pending.statements();
        pending.rows.clear();
        for (List<Upsert> sameStatement : statements) {
            execute(sameStatement);
        }
    }

    /** Forgets the rows of a handler rolled back to its savepoint. */
    void discard() {
        Pending pending = pending();
        if (pending != null) {
            pending.rows.clear();
        }
    }

    private void writeOutAtBatchEnd() {
        try {
            writeOut();
        } catch (RuntimeException | Error e) {
            savepoints.turnOnAfterFailure();
            log.warn("Writing a batch's rows failed; the batch is rolled back and retried with each handler's rows "
                    + "in a savepoint, so that only the failing event is dead-lettered", e);
            throw e;
        }
    }

    private Pending pending() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(RESOURCE) : null;
    }

    /**
     * Rows of one table written by one statement, in one JDBC batch; the statement's text is built
     * once. Whole rows go many to a statement (see {@link Upsert#insert}).
     */
    private void execute(List<Upsert> statements) {
        Upsert first = statements.get(0);
        if (!first.mustFindRow() && statements.size() > 1 && rowsPerInsert > 1) {
            insertMany(statements);
            return;
        }
        String sql = first.sql();
        List<Object[]> values = statements.stream().map(Upsert::values).toList();
        int[] counts = batch(sql, values);
        if (first.mustFindRow()) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new IllegalStateException("No row to change: " + sql + " id "
                            + values.get(i)[values.get(i).length - 1]);
                }
            }
        }
    }

    /** Up to {@code rowsPerInsert} rows a statement, within PostgreSQL's limit of parameters; one batch of the full ones. */
    private void insertMany(List<Upsert> rows) {
        Upsert first = rows.get(0);
        int perStatement = Math.max(1, Math.min(rowsPerInsert, MAX_PARAMETERS / first.columnCount()));
        List<Object[]> full = new ArrayList<>();
        int next = 0;
        for (; next + perStatement <= rows.size(); next += perStatement) {
            full.add(parameters(rows.subList(next, next + perStatement)));
        }
        if (!full.isEmpty()) {
            batch(first.insert(perStatement), full);
        }
        if (next < rows.size()) {
            batch(first.insert(rows.size() - next), List.<Object[]>of(parameters(rows.subList(next, rows.size()))));
        }
    }

    private static Object[] parameters(List<Upsert> rows) {
        List<Object> parameters = new ArrayList<>(rows.size() * rows.get(0).columnCount());
        for (Upsert row : rows) {
            parameters.addAll(Arrays.asList(row.values()));
        }
        return parameters.toArray();
    }

    private int[] batch(String sql, List<Object[]> values) {
        return jdbc.batchUpdate(inspected(sql), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int row) throws SQLException {
                Object[] rowValues = values.get(row);
                for (int i = 0; i < rowValues.length; i++) {
                    set(statement, i + 1, rowValues[i]);
                }
            }

            @Override
            public int getBatchSize() {
                return values.size();
            }
        });
    }

    /** The driver's own setter where the type is plain: setObject first searches through every type it knows. */
    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            // Types.NULL lets PostgreSQL infer the type; asking the driver would cost a round trip.
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String string) {
            statement.setString(index, string);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean bool) {
            statement.setBoolean(index, bool);
        } else {
            statement.setObject(index, value);
        }
    }

    /** The statement as Hibernate would send it, should a statement inspector redirect the tables. */
    private String inspected(String sql) {
        EntityManagerFactory factory = entityManagerFactory.getIfAvailable();
        StatementInspector inspector = factory == null ? null
                : factory.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions().getStatementInspector();
        return inspector == null ? sql : inspector.inspect(sql);
    }

    private record Key(String table, Object id) {
    }

    private record Entry<R>(Table<R> table, R row, Function<R, Upsert> statement) {

        Upsert toStatement() {
            return statement.apply(row);
        }
    }

    /** One batch's rows, in the order they were first written, to be ordered by table. */
    private static final class Pending {

        private final Map<Key, Entry<?>> rows = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        <R> Entry<R> get(Table<R> table, Object id) {
            return (Entry<R>) rows.get(new Key(table.name(), id));
        }

        /**
         * The rows' statements in the order of their tables, those of one table and kind together: a
         * table's statement for whole rows, or for changed ones, names the same columns every time.
         */
        List<List<Upsert>> statements() {
            Map<Function<?, Upsert>, List<Upsert>> byStatement = new LinkedHashMap<>();
            rows.values().stream()
                    .sorted(Comparator.comparingInt(entry -> entry.table().order()))
                    .forEach(entry -> byStatement.computeIfAbsent(entry.statement(), s -> new ArrayList<>())
                            .add(entry.toStatement()));
            return List.copyOf(byStatement.values());
        }
    }
}
