package com.calcomalt.platform.deadletters;

import jakarta.annotation.Nonnull;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes each event handler of a dead-lettering group all-or-nothing inside its processor's batch
 * transaction while {@link Savepoints} are on: it runs in a savepoint, and its JPA writes are
 * flushed before the savepoint is released. A failing handler is rolled back to the savepoint
 * alone. Without this, one statement that PostgreSQL refuses aborts the whole batch transaction,
 * so the dead letter could not even be stored, and a handler that failed half-way would leave
 * half its rows behind. While savepoints are off, a failure fails the batch (see
 * {@link DeadLetterPolicy}), which is retried with them on.
 *
 * <p>A {@link Batched} handler's rows wait in {@link BatchedRows} for the batch's end while
 * savepoints are off; any other handler first has them written out. In a savepoint, a handler's
 * rows are written before it is released, so a failing row fails its own event.
 *
 * <p>Flushing after each handler also writes rows in the order of the events (Hibernate would
 * otherwise put a batch's inserts before its deletes), and clearing keeps later flushes from
 * checking every row the batch wrote earlier.
 */
public class AtomicEventHandlers implements HandlerEnhancerDefinition {

    private final DeadLetteringGroups groups;
    private final Savepoints savepoints;
    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
    private final BatchedRows batchedRows;

    public AtomicEventHandlers(DeadLetteringGroups groups, Savepoints savepoints, ObjectProvider<DataSource> dataSource,
                               ObjectProvider<EntityManagerFactory> entityManagerFactory, BatchedRows batchedRows) {
        this.groups = groups;
        this.savepoints = savepoints;
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.batchedRows = batchedRows;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        ProcessingGroup group = AnnotationUtils.findAnnotation(original.declaringClass(), ProcessingGroup.class);
        boolean eventHandler = original.annotationAttributes(EventHandler.class).isPresent();
        return eventHandler && group != null && groups.contains(group.value()) ? new Atomic<>(original) : original;
    }

    private final class Atomic<T> extends WrappedMessageHandlingMember<T> {

        private final boolean batched;

        private Atomic(MessageHandlingMember<T> delegate) {
            super(delegate);
            this.batched = delegate.annotationAttributes(Batched.class).isPresent();
        }

        @Override
        public Object handle(@Nonnull Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            if (!savepoints.on()) {
                if (batched) {
                    // Its rows wait in BatchedRows and it leaves no entity managed: there is nothing to flush.
                    batchedRows.holdForBatch();
                    return super.handle(message, target);
                }
                batchedRows.writeOut();
                Object result = super.handle(message, target);
                flushAndClear(entityManager());
                return result;
            }
            // Rows of earlier events that still wait are theirs, not this handler's: written before its savepoint.
            batchedRows.writeOut();
            DataSource transactional = dataSource.getObject();
            Connection connection = DataSourceUtils.getConnection(transactional);
            try {
                return handleInSavepoint(connection, message, target);
            } finally {
                DataSourceUtils.releaseConnection(connection, transactional);
            }
        }

        private Object handleInSavepoint(Connection connection, Message<?> message, T target) throws Exception {
            EntityManager entityManager = entityManager();
            Savepoint savepoint = connection.setSavepoint();
            if (batched) {
                batchedRows.holdForBatch();
            }
            try {
                Object result = super.handle(message, target);
                batchedRows.writeOut();
                flushAndClear(entityManager);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (Exception | Error e) {
                connection.rollback(savepoint);
                batchedRows.discard();
                if (entityManager != null) {
                    entityManager.clear();
                    HibernateRollbackOnly.undo(entityManager);
                }
                throw e;
            }
        }

        private static void flushAndClear(EntityManager entityManager) {
            if (entityManager != null) {
                entityManager.flush();
                entityManager.clear();
            }
        }

        private EntityManager entityManager() {
            EntityManagerFactory factory = entityManagerFactory.getIfAvailable();
            return factory == null ? null : EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
        }
    }
}
