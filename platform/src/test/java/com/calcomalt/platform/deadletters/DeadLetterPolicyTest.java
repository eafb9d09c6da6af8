package com.calcomalt.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DeadLetterPolicyTest {

    private final Savepoints savepoints = new Savepoints(Duration.ofMinutes(1));
    private final DeadLetterPolicy policy = new DeadLetterPolicy(savepoints);

    @BeforeEach
    void aHandlerFailedBefore() {
        savepoints.turnOnFor(Duration.ofMinutes(1));
    }

    @Test
    void the_first_failure_fails_its_batch_and_turns_savepoints_on_for_the_retry() {
        Savepoints off = new Savepoints(Duration.ofMinutes(1));
        DeadLetterPolicy firstFailure = new DeadLetterPolicy(off);
        IllegalStateException failure = new IllegalStateException("refused");
        assertThat(off.on()).isFalse();

        assertThatThrownBy(() -> firstFailure.decide(
                new GenericDeadLetter<>("aggregate-1", GenericEventMessage.asEventMessage("payload"), failure), failure))
                .isInstanceOf(DeadLetterPolicy.RetryWithSavepoints.class).hasCause(failure);
        assertThat(off.on()).isTrue();
        assertThat(firstFailure.decide(
                new GenericDeadLetter<>("aggregate-1", GenericEventMessage.asEventMessage("payload"), failure), failure)
                .shouldEnqueue()).as("the retry dead-letters it").isTrue();
    }

    @Test
    void a_failure_of_the_event_is_dead_lettered_with_the_drivers_message_first() {
        SQLException driver = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        var failure = new DataIntegrityViolationException("could not execute batch [insert ... values ('a\u0000b')]", driver);

        EnqueueDecision<EventMessage<?>> decision = decide(failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        Cause cause = decision.enqueueCause().map(Cause.class::cast).orElseThrow();
        assertThat(cause.type()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(cause.message()).startsWith("SQLException: ERROR: invalid byte sequence").contains("0x00")
                .doesNotContain("\u0000");
    }

    @Test
    void a_stored_cause_fits_its_column_and_keeps_no_lone_surrogate() {
        String message = "x".repeat(1022) + "\uD83D\uDE00" + "y".repeat(100) + "\uD800";

        String stored = DeadLetterPolicy.storable(new IllegalStateException(message)).message();

        assertThat(stored).hasSizeLessThanOrEqualTo(1023).doesNotContain("\uD83D").endsWith("x");
        assertThat(DeadLetterPolicy.storable(new IllegalStateException("a\uDC00b")).message()).isEqualTo("a\uFFFDb");
    }

    @Test
    void a_lost_database_or_a_deadlock_fails_the_batch_instead_of_dead_lettering_every_event() {
        for (Exception passing : new Exception[] {
                new CannotGetJdbcConnectionException("pool timed out", new SQLException("refused", "08001")),
                new RuntimeException(new ConnectException("Connection refused")),
                new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01")),
                new RuntimeException(new SQLException("terminating connection", "57P01"))}) {
            assertThatThrownBy(() -> decide(passing)).as(passing.toString())
                    .isInstanceOf(DeadLetterPolicy.TransientProcessingFailure.class).hasCause(passing);
        }
    }

    private EnqueueDecision<EventMessage<?>> decide(Throwable failure) {
        EventMessage<?> event = GenericEventMessage.asEventMessage("payload");
        return policy.decide(new GenericDeadLetter<>("aggregate-1", event, failure), failure);
    }
}
