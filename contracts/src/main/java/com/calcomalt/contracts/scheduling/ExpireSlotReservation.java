package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ExpireSlotReservation(String uid) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return SlotReservationIds.aggregateId(uid);
    }
}
