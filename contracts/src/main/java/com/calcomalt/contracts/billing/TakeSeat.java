package com.calcomalt.contracts.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Billing's answer to an accepted membership of a seat-billed organization or team: the member takes
 * a seat, whose row id {@code seatId} is allocated before. Sent by the system in the acceptance's transaction; {@code triggeredBy} is who accepted.
 */
public record TakeSeat(int orgId, int userId, int seatId, Integer triggeredBy) implements TargetsSeats {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BillingIds.seat(orgId, userId);
    }
}
