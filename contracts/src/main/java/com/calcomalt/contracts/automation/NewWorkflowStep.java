package com.calcomalt.contracts.automation;

/** A step to add, with the WorkflowStep id decided before the command. */
public record NewWorkflowStep(int stepId, WorkflowStepSettings settings) {
}
