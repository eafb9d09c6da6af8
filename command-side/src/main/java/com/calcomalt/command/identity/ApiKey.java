package com.calcomalt.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.contracts.identity.ApiKeyCreated;
import com.calcomalt.contracts.identity.ApiKeyExpiryChanged;
import com.calcomalt.contracts.identity.ApiKeyIds;
import com.calcomalt.contracts.identity.ApiKeyRevoked;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreateApiKey;
import com.calcomalt.contracts.identity.ExpireApiKey;
import com.calcomalt.contracts.identity.RevokeApiKey;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An API key of a user, or of a team (then {@code teamId} is set and {@code userId} is who made it).
 * It knows only the key's SHA-256: the key itself is shown once when made and kept nowhere.
 */
@Aggregate
public class ApiKey {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private String aggregateId;
    private String keyId;
    private int userId;
    private Integer teamId;
    private Instant expiresAt;

    protected ApiKey() {
        // for Axon
    }

    @CommandHandler
    ApiKey(CreateApiKey command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
           @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        if (caller == null) {
            throw new AccessDenied("API keys are made by a known user");
        }
        if (command.teamId() != null && access == null) {
            throw new NotFound("No team " + command.teamId());
        }
        if (command.teamId() == null ? !caller.mayActAs(command.userId())
                : access == null || !access.runsTeam() || (caller.userId() != command.userId() && !caller.systemAdmin())) {
            throw new AccessDenied(command.teamId() == null ? "Users make API keys for themselves"
                    : "Only an admin or owner of team " + command.teamId() + " makes its API keys");
        }
        if (command.hashedKey() == null || !SHA_256_HEX.matcher(command.hashedKey()).matches()) {
            throw new DomainRuleViolation("An API key is kept as its SHA-256 only");
        }
        if (command.note() != null && command.note().length() > 255) {
            throw new DomainRuleViolation("A key's note has at most 255 characters");
        }
        Instant now = clock.instant();
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw new DomainRuleViolation("A new key expires in the future, not at " + command.expiresAt());
        }
        apply(new ApiKeyCreated(command.keyId(), command.userId(), command.teamId(), command.hashedKey(),
                command.note(), command.expiresAt(), now));
    }

    @CommandHandler
    void handle(RevokeApiKey command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireManagedBy(caller, access);
        apply(new ApiKeyRevoked(keyId, userId, teamId, clock.instant()));
    }

    @CommandHandler
    void handle(ExpireApiKey command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireManagedBy(caller, access);
        Instant now = clock.instant();
        Instant until = command.expiresAt() == null ? now : command.expiresAt();
        if (expiresAt != null && until.isAfter(expiresAt)) {
            throw new DomainRuleViolation("Expiring shortens a key's life; it expires at " + expiresAt + " already");
        }
        apply(new ApiKeyExpiryChanged(keyId, userId, until, now));
    }

    /** A personal key is managed by its user; a team's key by the team's admins and owners. */
    private void requireManagedBy(Caller caller, TeamAccess access) {
        boolean allowed = caller != null && (teamId == null ? caller.mayActAs(userId)
                : caller.systemAdmin() || (access != null && access.runsTeam()));
        if (!allowed) {
            throw new AccessDenied("API key " + keyId + " is not the caller's to manage");
        }
    }

    @EventSourcingHandler
    void on(ApiKeyCreated event) {
        aggregateId = ApiKeyIds.aggregateId(event.keyId());
        keyId = event.keyId();
        userId = event.userId();
        teamId = event.teamId();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(ApiKeyExpiryChanged event) {
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        markDeleted();
    }
}
