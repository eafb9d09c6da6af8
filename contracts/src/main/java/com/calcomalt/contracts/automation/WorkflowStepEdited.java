package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The step's settings as they are now, complete. */
@Revision("1")
public record WorkflowStepEdited(int workflowId, int stepId, WorkflowStepSettings settings, Instant verifiedAt) {
}
