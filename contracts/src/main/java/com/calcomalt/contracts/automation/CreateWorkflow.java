package com.calcomalt.contracts.automation;

import com.calcomalt.contracts.identity.OwnedByTeam;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A user's workflow names its user; a team's names its team (its userId is then the caller, as in cal.com). */
public record CreateWorkflow(int workflowId, Integer userId, Integer teamId, WorkflowSettings settings,
                             List<NewWorkflowStep> steps) implements OwnedByTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return WorkflowIds.aggregateId(workflowId);
    }
}
