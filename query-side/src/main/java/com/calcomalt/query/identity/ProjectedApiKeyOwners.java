package com.calcomalt.query.identity;

import com.calcomalt.platform.health.ProjectedApiKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a key's owner can read themselves here. Events are projected in order, so the key's row
 * means the user's row and role, appended before it, are there too.
 */
@Component
class ProjectedApiKeyOwners implements ProjectedApiKeys {

    private final JdbcTemplate jdbc;

    ProjectedApiKeyOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean ownerProjected(String hashedKey) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from "ApiKey" k join users u on u.id = k."userId" where k."hashedKey" = ?)""",
                Boolean.class, hashedKey));
    }
}
