package com.calcomalt.platform.deadletters;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hibernate marks the whole transaction rollback-only when a flush fails, and JPA has no savepoints
 * to undo that with. Once the failed handler's work is rolled back to its savepoint, the mark is
 * wrong: it would throw away the batch and the dead letter with it, and the processor would fail on
 * the same event for ever. Hibernate offers no way back, so the driver's flag is reset directly;
 * {@code ProjectionReplayTest} fails if a Hibernate upgrade moves it.
 */
final class HibernateRollbackOnly {

    private static final Logger log = LoggerFactory.getLogger(HibernateRollbackOnly.class);

    private HibernateRollbackOnly() {
    }

    static void undo(EntityManager entityManager) {
        if (!entityManager.getTransaction().getRollbackOnly()) {
            return;
        }
        TransactionCoordinator.TransactionDriver driver =
                entityManager.unwrap(SharedSessionContractImplementor.class).getTransactionCoordinator()
                        .getTransactionDriverControl();
        try {
            Field rollbackOnly = driver.getClass().getDeclaredField("rollbackOnly");
            rollbackOnly.setAccessible(true);
            rollbackOnly.setBoolean(driver, false);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.error("Cannot undo Hibernate's rollback-only mark on {}: the batch will fail and be retried",
                    driver.getClass().getName(), e);
        }
    }
}
