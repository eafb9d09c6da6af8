package com.calcomalt.contracts.automation;

import org.axonframework.serialization.Revision;

/** A step is gone; a WorkflowStepsReordered follows when steps came after it. */
@Revision("1")
public record WorkflowStepRemoved(int workflowId, int stepId) {
}
