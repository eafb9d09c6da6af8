package com.calcomalt.contracts.identity;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a person. {@code userId} and {@code uuid} are decided before the command is sent. */
public record RegisterUser(
        int userId,
        UUID uuid,
        String email,
        String username,
        String name,
        String timeZone,
        String weekStart,
        String locale,
        int timeFormat,
        IdentityProvider identityProvider,
        String identityProviderId,
        CreationSource creationSource) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
