package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteEventType(int eventTypeId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EventTypeIds.aggregateId(eventTypeId);
    }
}
