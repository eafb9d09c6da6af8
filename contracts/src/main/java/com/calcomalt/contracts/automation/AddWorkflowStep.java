package com.calcomalt.contracts.automation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a step at stepNumber (1 to n+1), or at the end when null; later steps move down. */
public record AddWorkflowStep(int workflowId, int stepId, Integer stepNumber, WorkflowStepSettings settings) implements TargetsWorkflow {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
