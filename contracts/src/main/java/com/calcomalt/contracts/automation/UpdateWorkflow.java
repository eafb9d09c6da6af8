package com.calcomalt.contracts.automation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the named settings; null fields stay as they are. */
public record UpdateWorkflow(int workflowId, WorkflowSettings settings) implements TargetsWorkflow {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
