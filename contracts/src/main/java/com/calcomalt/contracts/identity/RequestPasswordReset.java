package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a password reset; {@code requestId} is the secret the user later proves they received. */
public record RequestPasswordReset(int userId, String requestId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
