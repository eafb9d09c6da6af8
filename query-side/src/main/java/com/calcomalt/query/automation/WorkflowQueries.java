package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.AIPhoneCallConfigurationView;
import com.calcomalt.contracts.automation.AIPhoneCallSettings;
import com.calcomalt.contracts.automation.FindAIPhoneCallConfiguration;
import com.calcomalt.contracts.automation.FindWorkflow;
import com.calcomalt.contracts.automation.FindWorkflows;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowStepView;
import com.calcomalt.contracts.automation.WorkflowView;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.query.identity.IdentityVisibility;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflows and AI phone call configurations: a user's are seen by that user, a team's (and a team
 * event type's) by whoever sees the team, as cal.com lets members read what their admins change.
 */
@Component
@Transactional(readOnly = true)
class WorkflowQueries {

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final IdentityVisibility visibility;

    WorkflowQueries(EntityManager entityManager, JdbcTemplate jdbc, IdentityVisibility visibility) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @QueryHandler
    List<WorkflowView> handle(FindWorkflows query) {
        Caller caller = query.caller();
        List<WorkflowRow> found = new ArrayList<>();
        if (query.teamId() != null) {
            if (visibility.canSeeTeam(caller, query.teamId())) {
                found.addAll(byTeams(List.of(query.teamId())));
            }
        } else {
            if (caller.teamScope() == null) {
                found.addAll(entityManager.createQuery(
                                "select w from WorkflowRow w where w.userId = :user and w.teamId is null", WorkflowRow.class)
                        .setParameter("user", caller.userId()).getResultList());
            }
            List<Integer> teams = jdbc.queryForList("select \"teamId\" from \"Membership\" where \"userId\" = ?",
                    Integer.class, caller.userId()).stream().filter(team -> visibility.canSeeTeam(caller, team)).toList();
            found.addAll(byTeams(teams));
        }
        return found.stream().sorted(Comparator.comparingInt((WorkflowRow w) -> -w.position).thenComparingInt(w -> w.id))
                .map(this::view).toList();
    }

    @QueryHandler
    Optional<WorkflowView> handle(FindWorkflow query) {
        return Optional.ofNullable(entityManager.find(WorkflowRow.class, query.workflowId()))
                .filter(w -> w.teamId != null ? visibility.canSeeTeam(query.caller(), w.teamId)
                        : query.caller().mayActAs(w.userId))
                .map(this::view);
    }

    @QueryHandler
    Optional<AIPhoneCallConfigurationView> handle(FindAIPhoneCallConfiguration query) {
        List<Object[]> owners = entityManager.createNativeQuery(
                        "select \"userId\", \"teamId\" from \"EventType\" where id = ?", Object[].class)
                .setParameter(1, query.eventTypeId()).getResultList();
        if (owners.isEmpty()) {
            return Optional.empty();
        }
        Integer userId = (Integer) owners.get(0)[0];
        Integer teamId = (Integer) owners.get(0)[1];
        boolean sees = teamId != null ? visibility.canSeeTeam(query.caller(), teamId)
                : userId != null && query.caller().mayActAs(userId);
        if (!sees) {
            return Optional.empty();
        }
        return entityManager.createQuery("select c from AIPhoneCallConfigurationRow c where c.eventTypeId = :id",
                        AIPhoneCallConfigurationRow.class)
                .setParameter("id", query.eventTypeId()).getResultStream().findFirst()
                .map(c -> new AIPhoneCallConfigurationView(c.id, c.eventTypeId, new AIPhoneCallSettings(c.generalPrompt,
                        c.yourPhoneNumber, c.numberToCall, c.guestName, c.enabled, c.beginMessage, c.llmId,
                        c.guestCompany, c.guestEmail, c.schedulerName, c.templateType)));
    }

    private List<WorkflowRow> byTeams(List<Integer> teamIds) {
        return teamIds.isEmpty() ? List.of() : entityManager.createQuery(
                        "select w from WorkflowRow w where w.teamId in :teams", WorkflowRow.class)
                .setParameter("teams", teamIds).getResultList();
    }

    private WorkflowView view(WorkflowRow w) {
        List<WorkflowStepView> steps = entityManager.createQuery(
                        "select s from WorkflowStepRow s where s.workflowId = :id order by s.stepNumber", WorkflowStepRow.class)
                .setParameter("id", w.id).getResultList().stream()
                .map(s -> new WorkflowStepView(s.id, s.stepNumber, new WorkflowStepSettings(s.action, s.template,
                        s.reminderBody, s.emailSubject, s.sendTo, s.numberRequired, s.sender, s.includeCalendarEvent),
                        s.numberVerificationPending, s.verifiedAt))
                .toList();
        List<Integer> eventTypes = entityManager.createQuery(
                        "select r.eventTypeId from WorkflowOnEventTypeRow r where r.workflowId = :id order by r.eventTypeId",
                        Integer.class)
                .setParameter("id", w.id).getResultList();
        List<Integer> teams = entityManager.createQuery(
                        "select r.teamId from WorkflowOnTeamRow r where r.workflowId = :id order by r.teamId", Integer.class)
                .setParameter("id", w.id).getResultList();
        return new WorkflowView(w.id, w.userId, w.teamId, w.position,
                new WorkflowSettings(w.name, w.trigger, w.time, w.timeUnit, w.isActiveOnAll), steps, eventTypes, teams);
    }
}
