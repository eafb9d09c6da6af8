package com.calcomalt.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A race that still failed after its retries is a 409 to try again, never a 500. */
class ConcurrentChangeProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void a_deadlock_postgresql_broke_is_a_409() {
        ResponseEntity<ProblemDetail> answer = advice.wrapped(new CommandExecutionException("Command failed",
                new CannotAcquireLockException("could not insert", new SQLException("deadlock detected", "40P01"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getDetail()).contains("retry");
    }

    @Test
    void a_serialization_failure_deep_in_the_event_store_is_a_409() {
        ResponseEntity<ProblemDetail> answer = advice.wrapped(new CommandExecutionException("Command failed",
                new EventStoreException("append failed", new SQLException("could not serialize access", "40001"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
    }
}
