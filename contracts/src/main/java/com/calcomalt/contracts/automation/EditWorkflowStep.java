package com.calcomalt.contracts.automation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the named settings of one step; null fields stay as they are. */
public record EditWorkflowStep(int workflowId, int stepId, WorkflowStepSettings settings) implements TargetsWorkflow {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
