package com.calcomalt.contracts.automation;

/** One row of WorkflowsOnEventTypes or WorkflowsOnTeams: its id and the event type or team it names. */
public record WorkflowActivation(int id, int targetId) {
}
