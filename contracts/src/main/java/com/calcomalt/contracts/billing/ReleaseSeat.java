package com.calcomalt.contracts.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member was removed or left: their seat is given back, in that removal's transaction. */
public record ReleaseSeat(int orgId, int userId, Integer triggeredBy) implements TargetsSeats {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BillingIds.seat(orgId, userId);
    }
}
