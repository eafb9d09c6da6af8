package com.calcomalt.contracts.automation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts every step of the workflow in the given order, numbered 1..n. */
public record ReorderWorkflowSteps(int workflowId, List<Integer> stepIds) implements TargetsWorkflow {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
