package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.AccountLinked;
import com.calcomalt.contracts.identity.AccountUnlinked;
import com.calcomalt.contracts.identity.ApiKeyCreated;
import com.calcomalt.contracts.identity.ApiKeyExpiryChanged;
import com.calcomalt.contracts.identity.ApiKeyRevoked;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.security.ApiKeyOwnerCache;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * API keys by hash, read by authentication: a key works from the commit that creates it and stops
 * with the commit that revokes or expires it. Also keeps each identity provider's account linked to
 * one user only.
 */
@Component
@ProcessingGroup(UserRegistry.PROCESSING_GROUP)
class CredentialRegistry {

    private final JdbcTemplate jdbc;
    /** Authentication holds each key's owner for a few seconds. */
    private final ObjectProvider<ApiKeyOwnerCache> keyOwners;

    CredentialRegistry(JdbcTemplate jdbc, ObjectProvider<ApiKeyOwnerCache> keyOwners) {
        this.jdbc = jdbc;
        this.keyOwners = keyOwners;
    }

    @EventHandler
    void on(ApiKeyCreated event) {
        jdbc.update("""
                insert into command_side.api_keys (key_id, hashed_key, user_id, team_id, expires_at)
                values (?, ?, ?, ?, ?) on conflict (key_id) do nothing""",
                event.keyId(), event.hashedKey(), event.userId(), event.teamId(), timestamp(event));
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        jdbc.update("delete from command_side.api_keys where key_id = ?", event.keyId());
        keyOwners.ifAvailable(ApiKeyOwnerCache::changed);
    }

    @EventHandler
    void on(ApiKeyExpiryChanged event) {
        jdbc.update("update command_side.api_keys set expires_at = ? where key_id = ?",
                event.expiresAt().atOffset(ZoneOffset.UTC), event.keyId());
        keyOwners.ifAvailable(ApiKeyOwnerCache::changed);
    }

    @EventHandler
    void on(AccountLinked event) {
        try {
            jdbc.update("""
                    insert into command_side.linked_accounts (account_id, provider, provider_account_id, user_id)
                    values (?, ?, ?, ?)""",
                    event.accountId(), event.provider(), event.providerAccountId(), event.userId());
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("This " + event.provider() + " account is linked to a user already");
        }
    }

    @EventHandler
    void on(AccountUnlinked event) {
        jdbc.update("delete from command_side.linked_accounts where account_id = ?", event.accountId());
    }

    private static OffsetDateTime timestamp(ApiKeyCreated event) {
        return event.expiresAt() == null ? null : event.expiresAt().atOffset(ZoneOffset.UTC);
    }
}
