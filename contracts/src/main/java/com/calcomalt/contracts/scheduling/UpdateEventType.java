package com.calcomalt.contracts.scheduling;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes an event type like a PATCH: null settings, hosts or inputs stay as they are; a given list replaces the old one. */
public record UpdateEventType(int eventTypeId, EventTypeSettings settings, List<HostAssignment> hosts, List<CustomInput> customInputs) implements TargetsEventType {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EventTypeIds.aggregateId(eventTypeId);
    }
}
