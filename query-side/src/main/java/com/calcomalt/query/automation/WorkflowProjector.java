package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.WorkflowColumnsImported;
import com.calcomalt.contracts.automation.WorkflowCreated;
import com.calcomalt.contracts.automation.WorkflowDeleted;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowUpdated;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code Workflow} table. Deleting a workflow deletes its steps and activations by cascade, as in cal.com. */
@Component
@ProcessingGroup("calcom.Workflow")
class WorkflowProjector {

    private final EntityManager entityManager;

    WorkflowProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(WorkflowCreated event) {
        Rows.write(entityManager, WorkflowRow.class, event.workflowId(), WorkflowRow::new, row -> {
            row.id = event.workflowId();
            row.userId = event.userId();
            row.teamId = event.teamId();
            settings(row, event.settings());
        });
    }

    @EventHandler
    void on(WorkflowColumnsImported event) {
        Rows.existing(entityManager, WorkflowRow.class, event.workflowId()).position = event.position();
    }

    @EventHandler
    void on(WorkflowUpdated event) {
        settings(Rows.existing(entityManager, WorkflowRow.class, event.workflowId()), event.settings());
    }

    @EventHandler
    void on(WorkflowDeleted event) {
        Rows.delete(entityManager, WorkflowRow.class, event.workflowId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Workflow\"").executeUpdate();
    }

    private static void settings(WorkflowRow row, WorkflowSettings s) {
        row.name = s.name();
        row.trigger = s.trigger();
        row.time = s.time();
        row.timeUnit = s.timeUnit();
        row.isActiveOnAll = s.isActiveOnAll();
    }
}
