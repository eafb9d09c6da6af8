package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets when a key stops working; null means now. */
public record ExpireApiKey(String keyId, Instant expiresAt) implements TargetsApiKey {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiKeyIds.aggregateId(keyId);
    }
}
