package com.calcomalt.platform.axon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command again when it lost a {@link ConcurrentChange}: the aggregate is loaded afresh and the
 * command decided again on what the other node stored, so a second node's write is neither lost nor
 * a 409 while it can still succeed. Only a command that is its own transaction is tried again; one
 * sent inside another's transaction fails with it. The retry runs on the sending thread, after a short
 * randomised back-off, so what the request waits for (read-your-writes) stays with the request.
 */
public class ConflictRetry implements RetryScheduler {

    private final int maxRetries;
    private final Duration backoff;

    public ConflictRetry(int maxRetries, Duration backoff) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        int attempt = failures.size();
        if (attempt > maxRetries || !ConcurrentChange.causedBy(lastFailure) || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        long ceiling = backoff.toMillis() << Math.min(attempt - 1, 10);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        dispatchTask.run();
        return true;
    }
}
