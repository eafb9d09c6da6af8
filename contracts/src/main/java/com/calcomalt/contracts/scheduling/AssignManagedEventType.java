package com.calcomalt.contracts.scheduling;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives team members their own child of a MANAGED event type: {@code childEventTypeIds} are the ids of the children for the members who have none yet, in order. */
public record AssignManagedEventType(int eventTypeId, List<Integer> userIds, List<Integer> childEventTypeIds) implements TargetsEventType {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EventTypeIds.aggregateId(eventTypeId);
    }
}
