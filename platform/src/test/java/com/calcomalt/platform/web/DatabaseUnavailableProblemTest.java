package com.calcomalt.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.domain.DomainConflict;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A lost database is a 503 to retry, however deep Spring, Hibernate or Axon wrapped it. */
class DatabaseUnavailableProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    /** What Hikari throws when no connection came within its timeout: PostgreSQL refused every try. */
    private static SQLTransientConnectionException poolTimedOut() {
        return new SQLTransientConnectionException(
                "calalt - Connection is not available, request timed out after 3000ms", "08001", new SQLException("Connection to localhost:5432 refused", "08001"));
    }

    @Test
    void a_connection_the_pool_cannot_give_is_a_503_with_retry_after() {
        ResponseEntity<ProblemDetail> answer = advice.wrapped(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimedOut()));

        assertUnavailable(answer);
    }

    @Test
    void a_command_whose_transaction_could_not_begin_is_a_503() {
        CommandExecutionException wrapped = new CommandExecutionException("Command failed",
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new JDBCConnectionException("Unable to acquire JDBC Connection", poolTimedOut())));

        assertUnavailable(advice.wrapped(wrapped));
    }

    @Test
    void a_query_cut_off_by_postgresql_shutting_down_is_a_503() {
        CompletionException wrapped = new CompletionException(new QueryExecutionException("Query failed",
                new SQLException("terminating connection due to administrator command", "57P01")));

        assertUnavailable(advice.wrapped(wrapped));
    }

    @Test
    void other_database_errors_and_domain_conflicts_are_not_taken_for_an_outage() {
        assertThat(advice.wrapped(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))
                .getStatusCode().value()).isEqualTo(500);
        assertThat(advice.wrapped(new CommandExecutionException("Command failed", new DomainConflict("taken")))
                .getStatusCode().value()).isEqualTo(409);
    }

    private static void assertUnavailable(ResponseEntity<ProblemDetail> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getStatus()).isEqualTo(503);
        assertThat(answer.getBody().getDetail()).contains("database is unavailable");
    }
}
