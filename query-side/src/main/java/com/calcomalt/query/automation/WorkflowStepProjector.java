package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.WorkflowColumnsImported;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowStepEdited;
import com.calcomalt.contracts.automation.WorkflowStepRemoved;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowStepsReordered;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code WorkflowStep} table. Steps are verified when written and never wait for a
 * number's verification, as cal.com's handlers write them when they do not scan step bodies.
 */
@Component
@ProcessingGroup("calcom.WorkflowStep")
class WorkflowStepProjector {

    private final EntityManager entityManager;

    WorkflowStepProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(WorkflowStepAdded event) {
        Rows.write(entityManager, WorkflowStepRow.class, event.stepId(), WorkflowStepRow::new, row -> {
            row.id = event.stepId();
            row.workflowId = event.workflowId();
            row.stepNumber = event.stepNumber();
            row.numberVerificationPending = false;
            settings(row, event.settings());
            row.verifiedAt = event.verifiedAt();
        });
    }

    @EventHandler
    void on(WorkflowColumnsImported event) {
        for (WorkflowColumnsImported.StepColumns step : event.steps()) {
            WorkflowStepRow row = Rows.existing(entityManager, WorkflowStepRow.class, step.stepId());
            row.numberVerificationPending = step.numberVerificationPending();
            row.agentId = step.agentId();
            row.inboundAgentId = step.inboundAgentId();
        }
    }

    @EventHandler
    void on(WorkflowStepEdited event) {
        WorkflowStepRow row = Rows.existing(entityManager, WorkflowStepRow.class, event.stepId());
        settings(row, event.settings());
        row.verifiedAt = event.verifiedAt();
    }

    @EventHandler
    void on(WorkflowStepRemoved event) {
        Rows.delete(entityManager, WorkflowStepRow.class, event.stepId());
    }

    @EventHandler
    void on(WorkflowStepsReordered event) {
        List<Integer> order = event.stepIds();
        for (int i = 0; i < order.size(); i++) {
            Rows.existing(entityManager, WorkflowStepRow.class, order.get(i)).stepNumber = i + 1;
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"WorkflowStep\"").executeUpdate();
    }

    private static void settings(WorkflowStepRow row, WorkflowStepSettings s) {
        row.action = s.action();
        row.template = s.template();
        row.reminderBody = s.reminderBody();
        row.emailSubject = s.emailSubject();
        row.sendTo = s.sendTo();
        row.numberRequired = s.numberRequired();
        row.sender = s.sender();
        row.includeCalendarEvent = s.includeCalendarEvent();
    }
}
