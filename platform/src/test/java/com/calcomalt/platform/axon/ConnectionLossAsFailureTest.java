package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.platform.database.DatabaseUnavailable;
import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

class ConnectionLossAsFailureTest {

    private final AtomicBoolean closed = new AtomicBoolean();

    /** What pgjdbc 42.7.8 does when PostgreSQL ends the connection during a batch. */
    private final PreparedStatement dyingBatch = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
                case "executeBatch" -> {
                    closed.set(true);
                    throw new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
                }
                case "getMaxRows" -> 7;
                default -> throw new AssertionError("a mistake of ours, not the driver's");
            });

    private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                case "prepareStatement" -> dyingBatch;
                case "isClosed" -> closed.get();
                case "isValid" -> !closed.get();
                default -> null;
            });

    @Test
    void a_batch_the_driver_fails_with_an_error_on_a_lost_connection_is_a_connection_failure() throws SQLException {
        PreparedStatement statement = ConnectionLossAsFailure.guard(connection).prepareStatement("insert");

        assertThatThrownBy(statement::executeBatch)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(ConnectionLossAsFailure.CONNECTION_FAILURE);
                    assertThat(DatabaseUnavailable.causedBy(e)).isTrue();
                })
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void everything_else_passes_through_unchanged() throws SQLException {
        PreparedStatement statement = ConnectionLossAsFailure.guard(connection).prepareStatement("insert");

        assertThat(statement.getMaxRows()).isEqualTo(7);
        assertThatThrownBy(statement::getFetchSize).isInstanceOf(AssertionError.class);
    }

    /**
     * The real driver, on a connection of the application's pool (as projectors write through Hibernate
     * and JdbcTemplate): PostgreSQL ends the connection before its batch runs. Unconverted, pgjdbc's Error
     * passes by the unit of work and by Axon's work package, which catches exceptions only: the package
     * never finishes, so its processor's coordinator waits for its abort forever (calcom-projections in
     * DatabaseOutageTest, never UP again).
     */
    @Test
    void a_batch_on_a_pooled_connection_that_postgresql_ended_is_a_connection_failure() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
             HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(server.jdbcUrl());
            pool.setUsername(server.username());
            new ConnectionLossAsFailure.PooledConnections().postProcessAfterInitialization(pool, "dataSource");
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.unwrap(PGConnection.class)).as("the driver's own API, as ChannelListener uses it")
                        .isNotNull();
                connection.setAutoCommit(false);
                PreparedStatement batch = connection.prepareStatement("insert into lost (id) values (?)");
                connection.createStatement().execute("create temporary table lost (id int)");
                var pid = connection.createStatement().executeQuery("select pg_backend_pid()");
                pid.next();
                int backend = pid.getInt(1);
                new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), server.username(), ""))
                        .queryForObject("select pg_terminate_backend(?)", Boolean.class, backend);
                batch.setInt(1, 1);
                batch.addBatch();
                batch.setInt(1, 2);
                batch.addBatch();

                assertThatThrownBy(batch::executeBatch).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(DatabaseUnavailable.causedBy(e)).as("a connection failure").isTrue());
            }
        }
    }

    /**
     * Once a statement found the connection gone, Hikari closes it, so Spring's rollback fails with
     * Hikari's "Connection is closed", which names no SQL state; the lost connection is then only the
     * transaction's original failure. Seen as a 500 in DatabaseOutageTest.
     */
    @Test
    void a_rollback_that_fails_after_the_connection_was_lost_is_a_connection_failure() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
             HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(server.jdbcUrl());
            pool.setUsername(server.username());
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), server.username(), ""));
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));

            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                Integer backend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
                admin.queryForObject("select pg_terminate_backend(?)", Boolean.class, backend);
                jdbc.queryForObject("select 1", Integer.class);
            })).isInstanceOfSatisfying(TransactionSystemException.class,
                    e -> assertThat(DatabaseUnavailable.causedBy(e)).as("a connection failure").isTrue());
        }
    }
}
