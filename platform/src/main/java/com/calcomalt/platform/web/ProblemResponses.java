package com.calcomalt.platform.web;

import com.calcomalt.platform.database.DatabaseUnavailable;
import com.calcomalt.platform.web.ProblemDetailsAdvice.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Problem details written by the servlet filters, which answer before any controller runs. */
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, problem(request, status, detail));
    }

    /** A 400 naming the fields, as {@link ProblemDetailsAdvice} answers invalid input. */
    public void invalid(HttpServletRequest request, HttpServletResponse response, List<FieldError> errors)
            throws IOException {
        ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, errors.stream()
                .map(f -> f.field() + " " + f.message())
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        write(request, response, problem);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        try {
            problem.setInstance(new URI(request.getRequestURI()));
        } catch (URISyntaxException e) {
            // A refused request may have a path that is no URI; the problem is then about no instance.
        }
        return problem;
    }
}
