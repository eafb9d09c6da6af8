package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Brings a child of a managed event type in line with what its parent now locks. */
public record SyncManagedEventType(int eventTypeId, EventTypeSettings locked, Instant changedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EventTypeIds.aggregateId(eventTypeId);
    }
}
