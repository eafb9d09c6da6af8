package com.calcomalt.contracts.automation;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The columns of a cal.com workflow and its steps that no command of ours sets: the workflow's position in its
 * owner's list, and per step a number verification still pending and its Cal AI agents (a table we do not model).
 * Only the import appends it, after the workflow's steps; later commands leave these columns as they are.
 */
@Revision("1")
public record WorkflowColumnsImported(int workflowId, int position, List<StepColumns> steps) {

    public record StepColumns(int stepId, boolean numberVerificationPending, String agentId, String inboundAgentId) {
    }
}
