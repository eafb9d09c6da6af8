package com.calcomalt.platform.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach PostgreSQL (stopped, restarting, unreachable, the pool timed out) from
 * a mistake of ours, wherever it was wrapped on its way up: by Spring's translation, a transaction
 * manager, Hibernate or Axon's buses. The first is a 503 that the client may retry, the second a 500.
 */
public final class DatabaseUnavailable {

    /** About how long the pool takes to reconnect once PostgreSQL is back. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public static final String DETAIL = "The database is unavailable; retry in a few seconds";

    /** How deep a cause can hide: Axon and Spring wrap a handful of times at most; cycles end here too. */
    private static final int MAX_DEPTH = 20;

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    private static boolean causedBy(Throwable failure, int depth) {
        Throwable cause = failure;
        for (; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            // A rollback on a connection the pool already closed fails with a message alone; what lost
            // the connection is the transaction's original failure, which is not among the causes.
            if (cause instanceof TransactionSystemException rollback && rollback.getOriginalException() != null
                    && causedBy(rollback.getOriginalException(), depth + 1)) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 is a connection exception (pgjdbc: refused, broken I/O); 57P01-57P03 are
     * PostgreSQL shutting down, crashing or still starting.
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
