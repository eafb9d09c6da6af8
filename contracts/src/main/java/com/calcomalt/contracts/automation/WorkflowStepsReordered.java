package com.calcomalt.contracts.automation;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Every step of the workflow in order: the first is step 1. */
@Revision("1")
public record WorkflowStepsReordered(int workflowId, List<Integer> stepIds) {
}
