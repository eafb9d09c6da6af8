package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiKey(String keyId) implements TargetsApiKey {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ApiKeyIds.aggregateId(keyId);
    }
}
