package com.calcomalt.contracts.automation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a step; later steps move up, so the numbers stay 1..n. */
public record RemoveWorkflowStep(int workflowId, int stepId) implements TargetsWorkflow {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
