package com.calcomalt.platform.deadletters;

import java.time.Duration;

/**
 * Whether event handlers run in savepoints now. A savepoint per handler costs a sixth of the
 * replay rate, and is only needed once a handler has failed: the first failure therefore fails
 * its whole batch, which rolls back cleanly, and turns savepoints on for a while, so the batch's
 * retry dead-letters exactly the failing event and keeps the rest. Retrying dead letters turns
 * them on too, since a retried letter may fail again.
 */
public class Savepoints {

    private final Duration after;
    private volatile long onUntilNanos = System.nanoTime();

    public Savepoints(Duration afterAFailure) {
        this.after = afterAFailure;
    }

    boolean on() {
        return System.nanoTime() - onUntilNanos < 0;
    }

    /** Turns savepoints on for the configured time after a failure, or longer if already on. */
    void turnOnAfterFailure() {
        turnOnFor(after);
    }

    synchronized void turnOnFor(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        if (until - onUntilNanos > 0) {
            onUntilNanos = until;
        }
    }
}
