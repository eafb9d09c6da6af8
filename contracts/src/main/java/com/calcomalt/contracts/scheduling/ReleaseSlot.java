package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseSlot(String uid) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return SlotReservationIds.aggregateId(uid);
    }
}
