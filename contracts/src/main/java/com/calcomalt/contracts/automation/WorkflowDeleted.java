package com.calcomalt.contracts.automation;

import org.axonframework.serialization.Revision;

/** The workflow is gone, with its steps and activations. */
@Revision("1")
public record WorkflowDeleted(int workflowId, Integer userId, Integer teamId) {
}
