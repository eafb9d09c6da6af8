package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Only the SHA-256 of the key travels; the key itself is shown to its owner once and kept nowhere. */
public record CreateApiKey(String keyId, int userId, Integer teamId, String hashedKey, String note, Instant expiresAt) implements OwnedByTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiKeyIds.aggregateId(keyId);
    }
}
