package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links an identity provider's account, such as a Google account, to the user. */
public record LinkAccount(int userId, String accountId, String type, String provider, String providerAccountId, String providerEmail, String scope) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
