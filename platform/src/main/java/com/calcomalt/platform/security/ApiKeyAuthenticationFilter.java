package com.calcomalt.platform.security;

import com.calcomalt.platform.database.DatabaseUnavailable;
import com.calcomalt.platform.security.ApiKeyOwners.KeyOwner;
import com.calcomalt.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>} against the command side's key lookup
 * ({@link ApiKeyOwners}, through {@link ApiKeyOwnerCache}). A key that is unknown, revoked or expired is a 401; a key of a locked
 * user is a 403. Without the database nobody can be authenticated: that is a 503 to retry, not a 500.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiKeyOwnerCache owners;
    private final ProblemResponses problems;

    public ApiKeyAuthenticationFilter(ApiKeyOwnerCache owners, ProblemResponses problems) {
        this.owners = owners;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.startsWith(BEARER) || header.length() == BEARER.length()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Use Authorization: Bearer <api key>");
            return;
        }
        Optional<KeyOwner> found;
        try {
            found = owners.of(header.substring(BEARER.length()));
        } catch (DataAccessException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            log.warn("Cannot authenticate {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMostSpecificCause().getMessage());
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
            return;
        }
        if (found.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "The API key is not valid");
            return;
        }
        KeyOwner owner = found.get();
        if (owner.expired()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "The API key has expired");
            return;
        }
        if (owner.locked()) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "The user of this API key is locked");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(owner.caller()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
