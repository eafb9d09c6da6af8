package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.WorkflowStepEdited;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowStepView;
import com.calcomalt.contracts.automation.WorkflowStepsReordered;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/** One step of a workflow: what it sends, to whom, and its place in the order (1..n). */
class WorkflowStep {

    @EntityId
    private final int stepId;
    private int stepNumber;
    private WorkflowStepSettings settings;
    private Instant verifiedAt;

    WorkflowStep(int stepId, int stepNumber, WorkflowStepSettings settings, Instant verifiedAt) {
        this.stepId = stepId;
        this.stepNumber = stepNumber;
        this.settings = settings;
        this.verifiedAt = verifiedAt;
    }

    int stepId() {
        return stepId;
    }

    int stepNumber() {
        return stepNumber;
    }

    WorkflowStepSettings settings() {
        return settings;
    }

    WorkflowStepView view() {
        return new WorkflowStepView(stepId, stepNumber, settings, false, verifiedAt);
    }

    /** Equal state is equal steps, so Axon's fixture can tell that sourcing the events rebuilds the same workflow. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WorkflowStep step && step.stepId == stepId && step.stepNumber == stepNumber
                && Objects.equals(step.settings, settings) && Objects.equals(step.verifiedAt, verifiedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stepId, stepNumber, settings, verifiedAt);
    }

    @EventSourcingHandler
    void on(WorkflowStepEdited event) {
        if (event.stepId() == stepId) {
            settings = event.settings();
            verifiedAt = event.verifiedAt();
        }
    }

    @EventSourcingHandler
    void on(WorkflowStepsReordered event) {
        int index = event.stepIds().indexOf(stepId);
        if (index >= 0) {
            stepNumber = index + 1;
        }
    }
}
