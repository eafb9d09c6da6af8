package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartSession(int userId, String sessionId, String sessionTokenHash, Instant expires) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
