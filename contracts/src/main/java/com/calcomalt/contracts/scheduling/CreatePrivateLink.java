package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreatePrivateLink(int eventTypeId, int linkId, String link, Instant expiresAt, Integer maxUsageCount) implements TargetsEventType {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EventTypeIds.aggregateId(eventTypeId);
    }
}
