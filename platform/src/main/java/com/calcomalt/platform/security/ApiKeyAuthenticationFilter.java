package com.calcomalt.platform.security;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>} against the command side's key lookup,
 * which changes in the same transaction as the key's events: a revoked key stops working at once.
 * A key that is unknown, revoked or expired is a 401; a key of a locked user is a 403.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final JdbcTemplate jdbc;
    private final ProblemResponses problems;

    public ApiKeyAuthenticationFilter(JdbcTemplate jdbc, ProblemResponses problems) {
        this.jdbc = jdbc;
        this.problems = problems;
    }

    private record KeyOwner(Caller caller, boolean locked, boolean expired) {
    }

    /** A team's key acts within its team only, even when a system administrator made it. */
    private static Caller caller(int userId, Integer teamId, String role) {
        return new Caller(userId, teamId == null && "ADMIN".equals(role), teamId);
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
        List<KeyOwner> owners = jdbc.query("""
                select k.user_id, k.team_id, u.role, u.locked, k.expires_at is not null and k.expires_at <= now()
                from command_side.api_keys k
                join command_side.user_registry u on u.user_id = k.user_id
                where k.hashed_key = ?""",
                (rs, i) -> new KeyOwner(caller(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3)),
                        rs.getBoolean(4), rs.getBoolean(5)),
                ApiKeys.hash(header.substring(BEARER.length())));
        if (owners.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "The API key is not valid");
            return;
        }
        KeyOwner owner = owners.get(0);
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
