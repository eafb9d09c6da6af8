package com.calcomalt.platform.axon;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connections Axon's event store appends through, and every connection of the application's pool (see
 * {@link PooledConnections}), with the driver's {@link AssertionError} on a lost connection turned into the
 * {@link SQLException} it stands for.
 *
 * <p>pgjdbc (42.7.8) throws {@code AssertionError: pgStatement.getConnection().getAutoCommit() should not
 * throw} from {@code executeBatch} when PostgreSQL ends the connection in the middle of the batch. An
 * {@code Error} passes by Axon's unit of work, which handles exceptions only: it then neither rolls back
 * nor ends the Spring transaction it began, and the request thread keeps that transaction, with its dead
 * connection, bound for every later request it serves (each a 500). As an SQLException of class 08
 * (connection failure) it is rolled back and answered 503, as any other outage.
 */
final class ConnectionLossAsFailure {

    static final String CONNECTION_FAILURE = "08006";

    private ConnectionLossAsFailure() {
    }

    static Connection guard(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    Class<?> type = method.getReturnType();
                    return result instanceof Statement statement && type.isInterface()
                            && Statement.class.isAssignableFrom(type) ? statement(type, statement, connection) : result;
                });
    }

    private static Object statement(Class<?> type, Statement statement, Connection connection) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return invoke(statement, method, args);
            } catch (AssertionError e) {
                if (!method.getName().startsWith("execute")) {
                    throw e;
                }
                throw new SQLException("The statement failed inside the driver: " + e.getMessage(),
                        lost(connection) ? CONNECTION_FAILURE : null, e);
            }
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean lost(Connection connection) {
        try {
            return connection.isClosed() || !connection.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * The application's pool of connections, each guarded as the pool opens it: projectors write through
     * Hibernate and JdbcTemplate on these, not through Axon's {@link org.axonframework.common.jdbc.ConnectionProvider},
     * and a batch of theirs (Hibernate's, or BatchedRows' at the end of a processor's batch) meets the same
     * Error. There it passed by the unit of work and then by Axon's work package, which catches exceptions
     * only: the package never finished, so its processor's coordinator, which releases its claims only once
     * every package has finished, waited for it forever. As an SQLException the pool also drops the
     * connection at once (SQLSTATE class 08).
     */
    static final class PooledConnections implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            // After the pool's properties are bound, before its first connection (the pool starts lazily).
            if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && pool.getJdbcUrl() != null) {
                DataSource driver = new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
                        pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword());
                pool.setDataSource(new DelegatingDataSource(driver) {
                    @Override
                    public Connection getConnection() throws SQLException {
                        return guard(super.getConnection());
                    }

                    @Override
                    public Connection getConnection(String username, String password) throws SQLException {
                        return guard(super.getConnection(username, password));
                    }
                });
            }
            return bean;
        }
    }
}
