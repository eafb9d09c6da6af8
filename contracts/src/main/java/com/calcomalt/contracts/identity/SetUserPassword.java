package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A bcrypt hash made at the edge; {@code currentPassword} proves the caller knows the old one, is never stored, and is needed only when a password is set already. */
public record SetUserPassword(int userId, String passwordHash, String currentPassword) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
