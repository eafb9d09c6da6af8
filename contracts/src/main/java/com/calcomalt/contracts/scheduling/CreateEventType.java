package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.OwnedByTeam;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A personal event type names its user; a team's names its team and, for ROUND_ROBIN or COLLECTIVE, its hosts. A MANAGED one is a template for its members. */
public record CreateEventType(int eventTypeId, Integer userId, Integer teamId, SchedulingType schedulingType, EventTypeSettings settings, List<HostAssignment> hosts, List<CustomInput> customInputs) implements OwnedByTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EventTypeIds.aggregateId(eventTypeId);
    }
}
