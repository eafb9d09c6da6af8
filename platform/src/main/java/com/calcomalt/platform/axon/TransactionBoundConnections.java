package com.calcomalt.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The connections of Axon's JDBC event store, token store, saga store and dead-letter queues. Inside a
 * Spring transaction they are that transaction's connection, ended by its transaction manager alone.
 *
 * <p>Axon's {@link UnitOfWorkAwareConnectionProviderWrapper} ends the connection itself: it rolls the
 * connection back when the unit of work that first asked for it rolls back, even a nested one. A command
 * sent from an event handler is such a unit of work, and in a processor's batch it is often the first to
 * ask (the token is stored only at the batch's commit). A refused command thus rolled back the batch's
 * physical connection: the handler's earlier writes were gone, while Spring, whose transaction the
 * command merely joined (which Axon's SpringTransactionManager leaves alone), went on and committed the
 * rest. Outside a transaction, a unit of work still keeps one connection of its own.
 */
public class TransactionBoundConnections implements ConnectionProvider {

    private final ConnectionProvider transactional;
    private final ConnectionProvider perUnitOfWork;

    public TransactionBoundConnections(DataSource dataSource) {
        this.transactional = new SpringDataSourceConnectionProvider(dataSource);
        this.perUnitOfWork = new UnitOfWorkAwareConnectionProviderWrapper(transactional);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ConnectionLossAsFailure.guard(TransactionSynchronizationManager.isActualTransactionActive()
                ? transactional.getConnection() : perUnitOfWork.getConnection());
    }
}
