package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a new password (a bcrypt hash made at the edge) with a reset request that is still valid. */
public record CompletePasswordReset(int userId, String requestId, String passwordHash) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
