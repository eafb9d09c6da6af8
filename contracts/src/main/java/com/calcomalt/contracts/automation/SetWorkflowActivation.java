package com.calcomalt.contracts.automation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The event types (or, for an organization's workflow, the teams) it is active on from now; a new activation takes the row id at its index in the row ids. */
public record SetWorkflowActivation(int workflowId, List<Integer> eventTypeIds, List<Integer> teamIds, List<Integer> eventTypeRowIds, List<Integer> teamRowIds) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
