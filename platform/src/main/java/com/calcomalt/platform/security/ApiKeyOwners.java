package com.calcomalt.platform.security;

import com.calcomalt.contracts.identity.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who owns an API key, read from the command side's key lookup, which changes in the same
 * transaction as the key's events: a revoked key stops working at once. Authentication and the
 * readiness of the bootstrap key ask the same question, so they read the same rows (authentication
 * through {@link ApiKeyOwnerCache}).
 */
public class ApiKeyOwners {

    private final JdbcTemplate jdbc;

    public ApiKeyOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record KeyOwner(Caller caller, boolean locked, boolean expired) {

        public boolean mayAuthenticate() {
            return !locked && !expired;
        }
    }

    /** A key's row as stored: whether it has expired depends on when it is asked. */
    record StoredKey(Caller caller, boolean locked, Instant expiresAt) {

        KeyOwner at(Instant now) {
            return new KeyOwner(caller, locked, expiresAt != null && !expiresAt.isAfter(now));
        }
    }

    public Optional<KeyOwner> of(String apiKey) {
        return stored(ApiKeys.hash(apiKey)).map(key -> key.at(Instant.now()));
    }

    Optional<StoredKey> stored(String hashedKey) {
        return jdbc.query("""
                select k.user_id, k.team_id, u.role, u.locked, k.expires_at
                from command_side.api_keys k
                join command_side.user_registry u on u.user_id = k.user_id
                where k.hashed_key = ?""",
                (rs, i) -> new StoredKey(caller(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3)),
                        rs.getBoolean(4), instant(rs.getTimestamp(5))),
                hashedKey).stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A team's key acts within its team only, even when a system administrator made it. */
    private static Caller caller(int userId, Integer teamId, String role) {
        return new Caller(userId, teamId == null && "ADMIN".equals(role), teamId);
    }
}
