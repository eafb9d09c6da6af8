package com.calcomalt.contracts.automation;

import java.util.List;

/** A workflow with its steps in order and what it is active on. */
public record WorkflowView(int id, Integer userId, Integer teamId, int position, WorkflowSettings settings,
                           List<WorkflowStepView> steps, List<Integer> activeOnEventTypeIds,
                           List<Integer> activeOnTeamIds) {
}
