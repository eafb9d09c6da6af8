package com.calcomalt.contracts.automation;

import com.calcomalt.contracts.identity.OwnedByTeam;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A user's workflow names its user; a team's names its team (its userId is then the caller, as in
 * cal.com). Steps and activation come with it, as cal.com's API v2 creates a workflow in one call.
 */
public record CreateWorkflow(int workflowId, Integer userId, Integer teamId, WorkflowSettings settings,
                             List<NewWorkflowStep> steps, WorkflowTargets activation)
        implements OwnedByTeam, ActivatesWorkflow {

    public CreateWorkflow(int workflowId, Integer userId, Integer teamId, WorkflowSettings settings,
                          List<NewWorkflowStep> steps) {
        this(workflowId, userId, teamId, settings, steps, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
