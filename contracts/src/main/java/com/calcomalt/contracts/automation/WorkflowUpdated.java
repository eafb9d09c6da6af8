package com.calcomalt.contracts.automation;

import org.axonframework.serialization.Revision;

/** The workflow's settings as they are now, complete. */
@Revision("1")
public record WorkflowUpdated(int workflowId, Integer userId, Integer teamId, WorkflowSettings settings) {
}
