package com.calcomalt.query.identity;

import static com.calcomalt.platform.database.Timestamps.instant;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.FindImpersonations;
import com.calcomalt.contracts.identity.FindLinkedAccounts;
import com.calcomalt.contracts.identity.FindOAuthTokens;
import com.calcomalt.contracts.identity.FindUserSessions;
import com.calcomalt.contracts.identity.Impersonations;
import com.calcomalt.contracts.identity.LinkedAccounts;
import com.calcomalt.contracts.identity.OAuthTokens;
import com.calcomalt.contracts.identity.UserSessions;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a user signs in and who acted as them, seen by whoever may change it as the command side
 * decides it: the user (with a personal key) and system admins. No column that holds a secret or its
 * hash is ever selected.
 */
@Component
@Transactional(readOnly = true)
class UserAccessQueries {

    private final JdbcTemplate jdbc;
    private final IdentityVisibility visibility;

    UserAccessQueries(JdbcTemplate jdbc, IdentityVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @QueryHandler
    Optional<UserSessions> handle(FindUserSessions query) {
        return actingAs(query.userId(), query.caller()).map(userId -> new UserSessions(jdbc.query("""
                select id, "userId", expires from "Session" where "userId" = ? order by expires, id""",
                (rs, i) -> new UserSessions.Session(rs.getString(1), rs.getInt(2), instant(rs, 3)), userId)));
    }

    @QueryHandler
    Optional<LinkedAccounts> handle(FindLinkedAccounts query) {
        return actingAs(query.userId(), query.caller()).map(userId -> new LinkedAccounts(jdbc.query("""
                select id, "userId", type, provider, "providerAccountId", "providerEmail", scope from "Account"
                where "userId" = ? order by provider, "providerAccountId", id""",
                (rs, i) -> new LinkedAccounts.Account(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), userId)));
    }

    @QueryHandler
    Optional<OAuthTokens> handle(FindOAuthTokens query) {
        return actingAs(query.userId(), query.caller()).map(userId -> new OAuthTokens(
                tokens("AccessToken", userId), tokens("RefreshToken", userId)));
    }

    @QueryHandler
    Optional<Impersonations> handle(FindImpersonations query) {
        Caller caller = query.caller();
        if (!exists(query.userId()) || !visibility.canSeeUser(caller, query.userId())) {
            return Optional.empty();
        }
        boolean all = caller.mayActAs(query.userId());
        return Optional.of(new Impersonations(jdbc.query("""
                select id, "impersonatedUserId", "impersonatedById", "createdAt" from "Impersonations"
                where "impersonatedUserId" = ? and (? or "impersonatedById" = ?) order by "createdAt", id""",
                (rs, i) -> new Impersonations.Impersonation(rs.getInt(1), rs.getInt(2), rs.getInt(3), instant(rs, 4)),
                query.userId(), all, caller.userId())));
    }

    private List<OAuthTokens.Token> tokens(String table, int userId) {
        return jdbc.query("""
                select id, "userId", "platformOAuthClientId", "createdAt", "expiresAt" from "%s"
                where "userId" = ? order by "createdAt", id""".formatted(table),
                (rs, i) -> new OAuthTokens.Token(rs.getInt(1), rs.getInt(2), rs.getString(3), instant(rs, 4), instant(rs, 5)),
                userId);
    }

    private Optional<Integer> actingAs(int userId, Caller caller) {
        return caller.mayActAs(userId) && exists(userId) ? Optional.of(userId) : Optional.empty();
    }

    private boolean exists(int userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from users where id = ?)",
                Boolean.class, userId));
    }
}
