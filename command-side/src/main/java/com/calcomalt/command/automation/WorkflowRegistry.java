package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.WorkflowActivation;
import com.calcomalt.contracts.automation.WorkflowActivationSet;
import com.calcomalt.contracts.automation.WorkflowCreated;
import com.calcomalt.contracts.automation.WorkflowDeleted;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowStepEdited;
import com.calcomalt.contracts.automation.WorkflowStepRemoved;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowStepsReordered;
import com.calcomalt.contracts.automation.WorkflowUpdated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps command_side.workflows in the transaction that appends each workflow event: who owns a
 * workflow (for authorizing its commands), and what the reminders need to know without the read
 * side: trigger, time, timeUnit, isActiveOnAll, the event types and teams it is active on, and its
 * steps in order as JSON ({@link Step}).
 */
@Component
@ProcessingGroup("identity-registry")
class WorkflowRegistry {

    /** One element of the steps column. */
    record Step(int id, int stepNumber, WorkflowStepSettings settings) {
    }

    private static final TypeReference<List<Step>> STEPS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    WorkflowRegistry(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(WorkflowCreated event) {
        WorkflowSettings s = event.settings();
        jdbc.update("""
                insert into command_side.workflows (workflow_id, user_id, team_id, trigger, time, time_unit,
                                                    is_active_on_all)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (workflow_id) do nothing""",
                event.workflowId(), event.userId(), event.teamId(), s.trigger().name(), s.time(),
                s.timeUnit() == null ? null : s.timeUnit().name(), s.isActiveOnAll());
    }

    @EventHandler
    void on(WorkflowUpdated event) {
        WorkflowSettings s = event.settings();
        jdbc.update("""
                update command_side.workflows set trigger = ?, time = ?, time_unit = ?, is_active_on_all = ?
                where workflow_id = ?""",
                s.trigger().name(), s.time(), s.timeUnit() == null ? null : s.timeUnit().name(), s.isActiveOnAll(),
                event.workflowId());
    }

    @EventHandler
    void on(WorkflowDeleted event) {
        jdbc.update("delete from command_side.workflows where workflow_id = ?", event.workflowId());
    }

    @EventHandler
    void on(WorkflowStepAdded event) {
        changeSteps(event.workflowId(), steps -> {
            steps.removeIf(s -> s.id() == event.stepId());
            steps.add(Math.min(event.stepNumber() - 1, steps.size()),
                    new Step(event.stepId(), event.stepNumber(), event.settings()));
        });
    }

    @EventHandler
    void on(WorkflowStepEdited event) {
        changeSteps(event.workflowId(), steps -> steps.replaceAll(s -> s.id() == event.stepId()
                ? new Step(s.id(), s.stepNumber(), event.settings()) : s));
    }

    @EventHandler
    void on(WorkflowStepRemoved event) {
        changeSteps(event.workflowId(), steps -> steps.removeIf(s -> s.id() == event.stepId()));
    }

    @EventHandler
    void on(WorkflowStepsReordered event) {
        changeSteps(event.workflowId(), steps -> {
            steps.replaceAll(s -> new Step(s.id(), event.stepIds().indexOf(s.id()) + 1, s.settings()));
            steps.sort(Comparator.comparingInt(Step::stepNumber));
        });
    }

    @EventHandler
    void on(WorkflowActivationSet event) {
        jdbc.update("update command_side.workflows set event_type_ids = ?::integer[], team_ids = ?::integer[] where workflow_id = ?",
                ids(event.eventTypes()), ids(event.teams()), event.workflowId());
    }

    /** A deleted event type's activations go with it, as cal.com's cascade does. */
    @EventHandler
    void on(EventTypeDeleted event) {
        jdbc.update("""
                update command_side.workflows set event_type_ids = array_remove(event_type_ids, ?)
                where event_type_ids @> array[?]""", event.eventTypeId(), event.eventTypeId());
    }

    /** A deleted team's workflows and activations go with it, as cal.com's cascade does. */
    @EventHandler
    void on(TeamDeleted event) {
        jdbc.update("delete from command_side.workflows where team_id = ?", event.teamId());
        jdbc.update("update command_side.workflows set team_ids = array_remove(team_ids, ?) where team_ids @> array[?]",
                event.teamId(), event.teamId());
    }

    /** An integer array as PostgreSQL reads it: {@code {1,2,3}}. */
    private static String ids(List<WorkflowActivation> activations) {
        return activations.stream().map(a -> String.valueOf(a.targetId())).collect(Collectors.joining(",", "{", "}"));
    }

    private void changeSteps(int workflowId, Consumer<List<Step>> change) {
        String stored = jdbc.query("select steps::text from command_side.workflows where workflow_id = ? for update",
                rs -> rs.next() ? rs.getString(1) : null, workflowId);
        if (stored == null) {
            return;
        }
        try {
            List<Step> steps = new ArrayList<>(mapper.readValue(stored, STEPS));
            change.accept(steps);
            jdbc.update("update command_side.workflows set steps = ?::jsonb where workflow_id = ?",
                    mapper.writeValueAsString(steps), workflowId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The steps of workflow " + workflowId + " are not readable", e);
        }
    }
}
