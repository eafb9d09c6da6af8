package com.calcomalt.contracts.automation;

import java.time.Instant;

public record WorkflowStepView(int id, int stepNumber, WorkflowStepSettings settings, boolean numberVerificationPending,
                               Instant verifiedAt) {
}
