package com.calcomalt.contracts.scheduling;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes an event type like a PATCH: null settings, hosts or inputs stay as they are; a given list
 * replaces the old one. {@code cleared} names the settings (fields of {@link EventTypeSettings}) set
 * to null, since a null in {@code settings} means "as it is".
 */
public record UpdateEventType(int eventTypeId, EventTypeSettings settings, List<HostAssignment> hosts,
                              List<CustomInput> customInputs, Set<String> cleared) implements TargetsEventType {

    public UpdateEventType {
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    public UpdateEventType(int eventTypeId, EventTypeSettings settings, List<HostAssignment> hosts,
                           List<CustomInput> customInputs) {
        this(eventTypeId, settings, hosts, customInputs, Set.of());
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EventTypeIds.aggregateId(eventTypeId);
    }
}
