package com.calcomalt.platform.axon;

import java.sql.SQLException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A command that lost a race it could win on a second try: another node appended to the same
 * aggregate first (the event store's unique aggregate and sequence), or PostgreSQL broke a deadlock
 * or a serialization conflict by failing this transaction. Nothing of it was stored.
 */
public final class ConcurrentChange {

    private static final int MAX_DEPTH = 20;

    private ConcurrentChange() {
    }

    public static boolean causedBy(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof PessimisticLockingFailureException
                    || cause instanceof SQLException sql && isConflictState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** 40001 serialization failure, 40P01 deadlock detected. */
    private static boolean isConflictState(String state) {
        return "40001".equals(state) || "40P01".equals(state);
    }
}
