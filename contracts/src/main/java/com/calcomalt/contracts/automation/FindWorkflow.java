package com.calcomalt.contracts.automation;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<WorkflowView>}: empty when it does not exist or the caller may not see it. */
public record FindWorkflow(int workflowId, Caller caller) {
}
