package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.WorkflowActivation;
import com.calcomalt.contracts.automation.WorkflowActivationSet;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code WorkflowsOnEventTypes}: a row per event type a workflow is active on. Rows
 * that stay keep their ids; a deleted event type's rows go by cascade, as in cal.com.
 */
@Component
@ProcessingGroup("calcom.WorkflowsOnEventTypes")
class WorkflowActivationProjector {

    private final EntityManager entityManager;

    WorkflowActivationProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(WorkflowActivationSet event) {
        Set<Integer> kept = event.eventTypes().stream().map(WorkflowActivation::id).collect(Collectors.toSet());
        entityManager.createQuery("select r from WorkflowOnEventTypeRow r where r.workflowId = :id",
                        WorkflowOnEventTypeRow.class)
                .setParameter("id", event.workflowId()).getResultList().stream()
                .filter(row -> !kept.contains(row.id)).forEach(entityManager::remove);
        entityManager.flush();
        for (WorkflowActivation activation : event.eventTypes()) {
            Rows.write(entityManager, WorkflowOnEventTypeRow.class, activation.id(), WorkflowOnEventTypeRow::new, row -> {
                row.id = activation.id();
                row.workflowId = event.workflowId();
                row.eventTypeId = activation.targetId();
            });
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"WorkflowsOnEventTypes\"").executeUpdate();
    }
}
