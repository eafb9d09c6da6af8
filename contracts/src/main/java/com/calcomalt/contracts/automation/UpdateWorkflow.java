package com.calcomalt.contracts.automation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes the named settings (null fields stay as they are) and, as cal.com's API v2 PATCH does,
 * optionally the whole list of steps and the activation. A step whose id the workflow has is
 * replaced, one with a new id is added, one not listed is removed; the list's order is the new
 * order. Null steps or activation leave them as they are.
 */
public record UpdateWorkflow(int workflowId, WorkflowSettings settings, List<NewWorkflowStep> steps,
                             WorkflowTargets activation) implements TargetsWorkflow, ActivatesWorkflow {

    public UpdateWorkflow(int workflowId, WorkflowSettings settings) {
        this(workflowId, settings, null, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
