package com.calcomalt.contracts.automation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A step with complete settings; later steps are renumbered by a WorkflowStepsReordered that follows. Verified at once, as cal.com does when it does not scan step bodies. */
@Revision("1")
public record WorkflowStepAdded(int workflowId, int stepId, int stepNumber, WorkflowStepSettings settings, Instant verifiedAt) {
}
