package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlockUser(int userId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
