package com.calcomalt.contracts.automation;

/** A command that may say where its workflow is active; who controls those targets is looked up for it. */
public interface ActivatesWorkflow {

    /** Null when the command leaves the activation as it is. */
    WorkflowTargets activation();
}
