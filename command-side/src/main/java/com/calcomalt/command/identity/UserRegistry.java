package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserImpersonationSettingChanged;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserRoleChanged;
import com.calcomalt.contracts.identity.UserUnlocked;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.security.ApiKeyOwnerCache;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Email and username are unique among all users, in any letter case. Also keeps what
 * authentication needs to know of a user: the system role and whether they are locked. The claim is made by a
 * subscribing handler, inside the transaction that appends the event: of two concurrent commands
 * claiming one email, the unique index lets one commit and rolls the other back, event and all.
 */
@Component
@ProcessingGroup(UserRegistry.PROCESSING_GROUP)
class UserRegistry {

    static final String PROCESSING_GROUP = "identity-registry";

    private final JdbcTemplate jdbc;
    /** Authentication holds each key's user's role and lock for a few seconds. */
    private final ObjectProvider<ApiKeyOwnerCache> keyOwners;

    UserRegistry(JdbcTemplate jdbc, ObjectProvider<ApiKeyOwnerCache> keyOwners) {
        this.jdbc = jdbc;
        this.keyOwners = keyOwners;
    }

    @EventHandler
    void on(UserRegistered event) {
        claim(event.email(), event.username(), () -> jdbc.update("""
                insert into command_side.user_registry (user_id, email_lower, username_lower, email, username, name,
                                                        time_zone)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (user_id) do nothing""",
                event.userId(), lower(event.email()), lower(event.username()), event.email(), event.username(),
                event.name(), event.timeZone()));
    }

    @EventHandler
    void on(UserEmailChanged event) {
        claim(event.email(), null, () -> jdbc.update(
                "update command_side.user_registry set email_lower = ?, email = ? where user_id = ?",
                lower(event.email()), event.email(), event.userId()));
    }

    @EventHandler
    void on(UserProfileUpdated event) {
        claim(null, event.username(), () -> jdbc.update(
                """
                update command_side.user_registry set username_lower = ?, username = ?, name = ?, time_zone = ?
                where user_id = ?""",
                lower(event.username()), event.username(), event.name(), event.timeZone(), event.userId()));
    }

    @EventHandler
    void on(UserRoleChanged event) {
        jdbc.update("update command_side.user_registry set role = ? where user_id = ?", event.role().name(),
                event.userId());
        keyOwners.ifAvailable(ApiKeyOwnerCache::changed);
    }

    @EventHandler
    void on(UserLocked event) {
        jdbc.update("update command_side.user_registry set locked = true where user_id = ?", event.userId());
        keyOwners.ifAvailable(ApiKeyOwnerCache::changed);
    }

    @EventHandler
    void on(UserUnlocked event) {
        jdbc.update("update command_side.user_registry set locked = false where user_id = ?", event.userId());
        keyOwners.ifAvailable(ApiKeyOwnerCache::changed);
    }

    @EventHandler
    void on(UserImpersonationSettingChanged event) {
        jdbc.update("update command_side.user_registry set disable_impersonation = ? where user_id = ?",
                event.disableImpersonation(), event.userId());
    }

    private static void claim(String email, String username, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            String constraint = e.getMostSpecificCause() instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getConstraint() : "";
            if ("user_registry_username_key".equals(constraint)) {
                throw new DomainConflict("The username '" + username + "' is already taken");
            }
            throw new DomainConflict("The email '" + email + "' is already taken");
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
