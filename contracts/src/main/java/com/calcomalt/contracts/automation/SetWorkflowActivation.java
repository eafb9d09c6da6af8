package com.calcomalt.contracts.automation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The event types (or, for an organization's workflow, the teams) it is active on from now; a
 * MANAGED event type brings its children. Each new activation takes the next unused row id.
 */
public record SetWorkflowActivation(int workflowId, List<Integer> eventTypeIds, List<Integer> teamIds,
                                    List<Integer> eventTypeRowIds, List<Integer> teamRowIds)
        implements TargetsWorkflow, ActivatesWorkflow {

    @Override
    public WorkflowTargets activation() {
        return new WorkflowTargets(eventTypeIds, teamIds, eventTypeRowIds, teamRowIds);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
