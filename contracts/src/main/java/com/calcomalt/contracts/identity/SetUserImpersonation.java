package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetUserImpersonation(int userId, boolean disableImpersonation) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
