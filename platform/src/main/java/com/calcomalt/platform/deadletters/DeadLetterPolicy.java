package com.calcomalt.platform.deadletters;

import com.calcomalt.platform.database.DatabaseUnavailable;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Dead-letters what is wrong with an event or a handler, once its handler ran in a savepoint (the
 * first failure while {@link Savepoints} are off fails the batch, to be retried with them on);
 * refuses to dead-letter what is wrong with the moment. A lost connection, a database shutting
 * down or a deadlock would otherwise put every event of an outage into the queue: for those the
 * batch fails and the processor retries it, in order, once the database is back.
 */
final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);

    /** SQLSTATE classes of a passing condition besides a lost database: rollback (deadlock), resources, system. */
    private static final Set<String> PASSING_STATES = Set.of("40", "53", "58");

    private final Savepoints savepoints;

    DeadLetterPolicy(Savepoints savepoints) {
        this.savepoints = savepoints;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (transientFailure(cause)) {
            throw new TransientProcessingFailure(cause);
        }
        EventMessage<?> event = letter.message();
        if (!savepoints.on()) {
            savepoints.turnOnAfterFailure();
            log.warn("{} (event {}) failed; its batch is rolled back and retried with each handler in a savepoint, "
                    + "so that only this event is dead-lettered", event.getPayloadType().getSimpleName(),
                    event.getIdentifier(), cause);
            throw new RetryWithSavepoints(cause);
        }
        log.error("Dead-lettered {} (event {}{}); later events of the same aggregate wait behind it in its "
                        + "processing group, all others go on", event.getPayloadType().getSimpleName(),
                event.getIdentifier(), event instanceof DomainEventMessage<?> domain
                        ? ", aggregate " + domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber() : "",
                cause);
        return Decisions.enqueue(storable(cause));
    }

    /**
     * The cause as its column can hold it, the root cause first: the driver's own message is short and
     * says what went wrong, while the outer ones quote whole statements. The driver quotes refused
     * values too, and the very NUL that failed the handler would fail the dead letter's own insert.
     */
    static ThrowableCause storable(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String described = root == cause ? String.valueOf(cause.getMessage())
                : root.getClass().getSimpleName() + ": " + root.getMessage() + " | " + cause.getMessage();
        String message = described.replace('\u0000', '\uFFFD');
        StringBuilder text = new StringBuilder(message.length());
        message.codePoints().forEach(c -> text.appendCodePoint(c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c));
        int end = Math.min(text.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE);
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        String storable = text.substring(0, end);
        return new ThrowableCause(cause.getClass().getName(), storable);
    }

    static boolean transientFailure(Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && PASSING_STATES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** Fails the processor's batch, to be retried from its last token with savepoints on. */
    static final class RetryWithSavepoints extends RuntimeException {
        RetryWithSavepoints(Throwable cause) {
            super("Retried with each handler in a savepoint: " + cause.getMessage(), cause);
        }
    }

    /** Fails the processor's batch, which is then retried from its last token. */
    static final class TransientProcessingFailure extends RuntimeException {
        TransientProcessingFailure(Throwable cause) {
            super("Not dead-lettered, retried with its batch: " + cause.getMessage(), cause);
        }
    }
}
