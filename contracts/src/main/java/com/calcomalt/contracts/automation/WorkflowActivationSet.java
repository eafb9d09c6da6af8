package com.calcomalt.contracts.automation;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Every event type and team the workflow is now active on, with the ids of their rows. */
@Revision("1")
public record WorkflowActivationSet(int workflowId, Integer userId, Integer teamId, List<WorkflowActivation> eventTypes, List<WorkflowActivation> teams) {
}
