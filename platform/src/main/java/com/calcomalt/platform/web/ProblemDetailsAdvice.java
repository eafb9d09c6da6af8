package com.calcomalt.platform.web;

import com.calcomalt.platform.axon.ConcurrentChange;
import com.calcomalt.platform.database.DatabaseUnavailable;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail: 400 for invalid input (with one entry per field in
 * {@code errors}), 404 for what does not exist, 409 for conflicts and concurrent changes, 422 for
 * broken domain rules, 403 for what the caller may not do. Each of them is raised before anything
 * is written. 503 with {@code Retry-After} when the database cannot be reached: the client may retry.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    public record FieldError(String field, String message) {
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ProblemDetail ruleViolated(DomainRuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail accessDenied(AccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(DomainConflict.class)
    ProblemDetail conflict(DomainConflict e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class,
            PessimisticLockingFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "The resource was changed concurrently; read it again and retry");
    }

    @ExceptionHandler({ResourceNotFound.class, NotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e instanceof AggregateNotFoundException ? "Not found" : e.getMessage());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("The database is unavailable: {}", NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL));
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameters(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return invalid(errors);
    }

    /**
     * Spring Security's firewall checks a header when it is read, which for {@code Idempotency-Key} is
     * in a controller: a control character Tomcat lets through (U+0085) is refused here.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail headerRejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "A request header is not allowed: it has a control character");
    }

    /**
     * Axon wraps what a handler threw when it crosses a bus or an event processor: answer for the
     * first cause we know, and treat anything else as a failure of ours. A lost database can hide
     * anywhere in the chain (a transaction that could not begin, a query or command bus, Hibernate).
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> wrapped(RuntimeException e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e);
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DomainRuleViolation v) {
                return ResponseEntity.unprocessableEntity().body(ruleViolated(v));
            }
            if (cause instanceof InvalidInput i) {
                return ResponseEntity.badRequest().body(invalidInput(i));
            }
            if (cause instanceof AccessDenied d) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(accessDenied(d));
            }
            if (cause instanceof DomainConflict c) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict(c));
            }
            if (ConcurrentChange.causedBy(cause)) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentChange(e));
            }
            if (cause instanceof AggregateNotFoundException || cause instanceof ResourceNotFound || cause instanceof NotFound) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound((RuntimeException) cause));
            }
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A body checked with @Valid beside a constrained path variable comes here too: name its fields.
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r instanceof ParameterErrors body && body.hasFieldErrors()
                        ? body.getFieldErrors().stream().map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                        : r.getResolvableErrors().stream().map(error -> new FieldError(
                                r.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(e.getCause()));
    }

    private static ProblemDetail unreadable(Throwable cause) {
        for (Throwable c = cause; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof RefusedJsonInput r) {
                return invalid(List.of(new FieldError(r.field(), r.reason())));
            }
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return invalid(List.of(new FieldError(path(u), "is not a known property")));
        }
        if (cause instanceof InvalidFormatException f) {
            return invalid(List.of(new FieldError(path(f), "has an invalid value: " + f.getValue())));
        }
        if (cause instanceof InvalidNullException n && !n.getPath().isEmpty()) {
            return invalid(List.of(new FieldError(path(n), "must not be null")));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return invalid(List.of(new FieldError(path(m), "has the wrong type")));
        }
        if (cause instanceof JsonMappingException m && m.getCause() instanceof RuntimeException inner
                && !m.getPath().isEmpty()) {
            return invalid(List.of(new FieldError(path(m), inner.getMessage())));
        }
        String detail = cause instanceof JsonProcessingException
                ? "The request body is not valid JSON" : "The request body is missing or unreadable";
        return problem(HttpStatus.BAD_REQUEST, detail);
    }

    private static String path(JsonMappingException e) {
        return JsonInput.path(e);
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, errors.stream()
                .map(f -> f.field() + " " + f.message())
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }
}
