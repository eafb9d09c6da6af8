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

/** Keeps cal.com's {@code WorkflowsOnTeams}: a row per team an organization's workflow is active on. */
@Component
@ProcessingGroup("calcom.WorkflowsOnTeams")
class WorkflowTeamActivationProjector {

    private final EntityManager entityManager;

    WorkflowTeamActivationProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(WorkflowActivationSet event) {
        Set<Integer> kept = event.teams().stream().map(WorkflowActivation::id).collect(Collectors.toSet());
        entityManager.createQuery("select r from WorkflowOnTeamRow r where r.workflowId = :id", WorkflowOnTeamRow.class)
                .setParameter("id", event.workflowId()).getResultList().stream()
                .filter(row -> !kept.contains(row.id)).forEach(entityManager::remove);
        entityManager.flush();
        for (WorkflowActivation activation : event.teams()) {
            Rows.write(entityManager, WorkflowOnTeamRow.class, activation.id(), WorkflowOnTeamRow::new, row -> {
                row.id = activation.id();
                row.workflowId = event.workflowId();
                row.teamId = activation.targetId();
            });
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"WorkflowsOnTeams\"").executeUpdate();
    }
}
