package com.calcomalt.platform.web;

import com.calcomalt.platform.web.ProblemDetailsAdvice.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses every query parameter and path segment PostgreSQL cannot store (see {@link StorableText})
 * before any controller or security check reads it; bodies are checked by {@link StrictJsonFactory}.
 */
public class StorableTextFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public StorableTextFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldError> errors = new ArrayList<>();
        for (String segment : request.getRequestURI().split("/")) {
            String flaw = StorableText.flaw(decoded(segment));
            if (flaw != null) {
                errors.add(new FieldError("path", "has a segment that " + flaw));
                break;
            }
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String nameFlaw = StorableText.flaw(parameter.getKey());
            if (nameFlaw != null) {
                errors.add(new FieldError("query", "has a parameter name that " + nameFlaw));
                continue;
            }
            for (String value : parameter.getValue()) {
                String flaw = StorableText.flaw(value);
                if (flaw != null) {
                    errors.add(new FieldError(parameter.getKey(), flaw));
                    break;
                }
            }
        }
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            problems.invalid(request, response, errors);
        }
    }

    /** Tomcat has refused a path it cannot decode already; what it let through is checked as Spring decodes it. */
    private static String decoded(String segment) {
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
