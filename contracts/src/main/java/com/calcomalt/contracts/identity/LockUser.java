package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Locks a user out, as cal.com's admins do with abusive accounts. */
public record LockUser(int userId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
