package com.calcomalt.contracts.automation;

import org.axonframework.serialization.Revision;

/** A workflow of a user, or of a team (userId is then its maker), with complete settings. */
@Revision("1")
public record WorkflowCreated(int workflowId, Integer userId, Integer teamId, WorkflowSettings settings) {
}
