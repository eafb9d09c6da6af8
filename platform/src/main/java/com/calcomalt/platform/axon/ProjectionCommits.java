package com.calcomalt.platform.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of a processor that only projects events into tables, committed without waiting
 * for the write-ahead log to reach the disk ({@code synchronous_commit = off}, for these transactions
 * alone). A crash of PostgreSQL can then lose the last few hundred milliseconds of commits, but only
 * whole transactions, and each carries its rows together with the processor's token: the lost ones
 * are projected again from the event store, which is committed as before. Never for a processor with
 * side effects (mail, webhooks, calendars, commands): an effect done but whose record was lost would
 * be done twice.
 */
public class ProjectionCommits implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    public ProjectionCommits(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            jdbc.execute("set local synchronous_commit = off");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
