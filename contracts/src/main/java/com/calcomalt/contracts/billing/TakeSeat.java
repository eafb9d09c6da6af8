package com.calcomalt.contracts.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Billing's answer to an accepted membership of a seat-billed organization or team: the member takes
 * a seat, whose row id {@code seatId} is allocated before. Sent by the system in the acceptance's transaction
 * ({@code triggeredBy}: who accepted), or in the one that brought seat billing into force for members
 * accepted before ({@code triggeredBy}: who did that).
 */
public record TakeSeat(int orgId, int userId, int seatId, Integer triggeredBy) implements TargetsSeats {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BillingIds.seat(orgId, userId);
    }
}
