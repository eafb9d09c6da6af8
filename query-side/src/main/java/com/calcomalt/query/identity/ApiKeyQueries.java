package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.ApiKeyView;
import com.calcomalt.contracts.identity.FindApiKeys;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class ApiKeyQueries {

    private final ApiKeyRows apiKeys;
    private final JdbcTemplate jdbc;

    ApiKeyQueries(ApiKeyRows apiKeys, JdbcTemplate jdbc) {
        this.apiKeys = apiKeys;
        this.jdbc = jdbc;
    }

    /** The caller's own keys and the keys of the teams they run; never a key or its hash. */
    @QueryHandler
    List<ApiKeyView> handle(FindApiKeys query) {
        List<Integer> teamsRun = jdbc.queryForList("""
                select "teamId" from "Membership" where "userId" = ? and accepted and role in ('ADMIN', 'OWNER')""",
                Integer.class, query.caller().userId());
        return apiKeys.personalOrOfTeams(query.caller().userId(), teamsRun.isEmpty() ? List.of(-1) : teamsRun).stream()
                .map(k -> new ApiKeyView(k.id, k.userId, k.teamId, k.note, k.createdAt, k.expiresAt, k.lastUsedAt))
                .toList();
    }
}
