package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.platform.database.DatabaseUnavailable;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

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
}
