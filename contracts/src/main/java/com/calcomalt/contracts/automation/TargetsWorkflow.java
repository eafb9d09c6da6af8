package com.calcomalt.contracts.automation;

/** A command on an existing workflow: for a team's workflow, the caller's role in that team decides. */
public interface TargetsWorkflow {

    int workflowId();
}
