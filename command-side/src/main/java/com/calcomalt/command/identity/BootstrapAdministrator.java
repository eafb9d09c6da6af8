package com.calcomalt.command.identity;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.ChangeUserRole;
import com.calcomalt.contracts.identity.CreateApiKey;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.RegisterUser;
import com.calcomalt.contracts.identity.UserPermissionRole;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.security.ApiKeys;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: with {@code CALALT_BOOTSTRAP_API_KEY} set, a system administrator who owns that key
 * is created, once. The user, the role and the key are created in one transaction, and a key that
 * is already known means it was done before, here or on another node.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final String apiKey;
    private final String email;
    private final CommandGateway commands;
    private final IdAllocator ids;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    BootstrapAdministrator(@Value("${calalt.bootstrap-api-key:}") String apiKey,
                           @Value("${calalt.bootstrap-admin-email:admin@calcom-alt.local}") String email,
                           CommandGateway commands, IdAllocator ids, JdbcTemplate jdbc,
                           TransactionTemplate transaction) {
        this.apiKey = apiKey;
        this.email = email;
        this.commands = commands;
        this.ids = ids;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (apiKey.isBlank()) {
            return;
        }
        String hashedKey = ApiKeys.hash(apiKey);
        if (known(hashedKey)) {
            log.info("The bootstrap API key is set up already");
            return;
        }
        try {
            Optional<Administrator> existing = administrator();
            if (existing.isPresent()) {
                addKey(existing.get(), hashedKey);
            } else {
                createAdministrator(hashedKey);
            }
        } catch (DomainConflict e) {
            if (!known(hashedKey)) {
                throw e;
            }
            log.info("Another node set up the bootstrap API key meanwhile");
        }
    }

    private record Administrator(int userId, boolean systemAdmin) {
    }

    private Optional<Administrator> administrator() {
        return jdbc.query("select user_id, role from command_side.user_registry where email_lower = lower(?)",
                (rs, i) -> new Administrator(rs.getInt(1), "ADMIN".equals(rs.getString(2))), email).stream().findFirst();
    }

    private void createAdministrator(String hashedKey) {
        int userId = ids.next("users");
        MetaData asTheNewAdministrator = CallerMetaData.of(new Caller(userId, true, null));
        transaction.executeWithoutResult(status -> {
            send(new RegisterUser(userId, UUID.randomUUID(), email, "admin", "Administrator", "UTC", "Monday",
                    "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2), asTheNewAdministrator);
            send(new ChangeUserRole(userId, UserPermissionRole.ADMIN), asTheNewAdministrator);
            send(new CreateApiKey(Ids.text(), userId, null, hashedKey, "bootstrap", null), asTheNewAdministrator);
        });
        log.info("Created system administrator {} ({}) owning the bootstrap API key", userId, email);
    }

    /**
     * A restart with another key (a new shell's export, or a lost key replaced) gives the existing
     * administrator that key too: earlier keys stay valid until deleted through the API. The key is
     * never given to a user who is not a system administrator, whoever took the email.
     */
    private void addKey(Administrator administrator, String hashedKey) {
        if (!administrator.systemAdmin()) {
            log.warn("The bootstrap API key was not set up: {} belongs to user {}, who is not a system administrator",
                    email, administrator.userId());
            return;
        }
        send(new CreateApiKey(Ids.text(), administrator.userId(), null, hashedKey, "bootstrap", null),
                CallerMetaData.of(new Caller(administrator.userId(), true, null)));
        log.warn("Added a new bootstrap API key to system administrator {} ({}); the earlier ones stay valid until "
                + "deleted", administrator.userId(), email);
    }

    private void send(Object command, MetaData metaData) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private boolean known(String hashedKey) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from command_side.api_keys where hashed_key = ?)", Boolean.class, hashedKey));
    }
}
