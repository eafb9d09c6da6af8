package com.calcomalt.command.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.command.support.CallerCommands;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.automation.AddWorkflowStep;
import com.calcomalt.contracts.automation.CreateWorkflow;
import com.calcomalt.contracts.automation.DeleteWorkflow;
import com.calcomalt.contracts.automation.NewWorkflowStep;
import com.calcomalt.contracts.automation.RemoveWorkflowStep;
import com.calcomalt.contracts.automation.SetWorkflowActivation;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.UpdateWorkflow;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.DeleteEventType;
import com.calcomalt.platform.domain.AccessDenied;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The command side's workflow lookup follows each workflow command, on real PostgreSQL. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkflowRegistryTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    IdAllocator ids;
    @Autowired
    JdbcTemplate jdbc;

    private CallerCommands callers;

    @BeforeEach
    void callers() {
        callers = new CallerCommands(commands, ids);
    }

    private <R> R send(Object command, Caller caller) {
        return callers.send(command, caller);
    }

    private Caller user() {
        return callers.user("w", "UTC");
    }

    private int eventType(Caller owner) {
        return callers.eventType(owner);
    }

    private Map<String, Object> lookup(int workflowId) {
        return jdbc.queryForMap("""
                select user_id, team_id, trigger, time, time_unit, is_active_on_all, event_type_ids::text, team_ids::text,
                       jsonb_path_query_array(steps, '$[*].id')::text as step_ids,
                       jsonb_path_query_array(steps, '$[*].stepNumber')::text as step_numbers,
                       jsonb_path_query_array(steps, '$[*].settings.action')::text as actions
                from command_side.workflows where workflow_id = ?""", workflowId);
    }

    private static WorkflowStepSettings step(WorkflowActions action) {
        return new WorkflowStepSettings(action, null, null, null, null, null, null, null);
    }

    @Test
    void the_lookup_holds_what_reminders_need_after_every_change() {
        Caller ann = user();
        int first = eventType(ann);
        int second = eventType(ann);
        int workflowId = ids.next("Workflow");
        List<Integer> stepIds = ids.next("WorkflowStep", 2);
        send(new CreateWorkflow(workflowId, ann.userId(), null, new WorkflowSettings("Remind", null, null, null, null),
                List.of(new NewWorkflowStep(stepIds.get(0), step(WorkflowActions.EMAIL_ATTENDEE)),
                        new NewWorkflowStep(stepIds.get(1), step(WorkflowActions.EMAIL_HOST)))), ann);
        assertThat(lookup(workflowId)).containsEntry("user_id", ann.userId()).containsEntry("team_id", null)
                .containsEntry("trigger", "BEFORE_EVENT").containsEntry("time", 24).containsEntry("time_unit", "hour")
                .containsEntry("is_active_on_all", false).containsEntry("event_type_ids", "{}")
                .containsEntry("step_ids", "[" + stepIds.get(0) + ", " + stepIds.get(1) + "]")
                .containsEntry("step_numbers", "[1, 2]");

        int added = ids.next("WorkflowStep");
        send(new UpdateWorkflow(workflowId, new WorkflowSettings(null, WorkflowTriggerEvents.AFTER_EVENT, 15,
                TimeUnit.minute, true)), ann);
        send(new AddWorkflowStep(workflowId, added, 1, new WorkflowStepSettings(WorkflowActions.SMS_NUMBER, null, null,
                null, "+4915112345678", null, null, null)), ann);
        send(new RemoveWorkflowStep(workflowId, stepIds.get(0)), ann);
        send(new SetWorkflowActivation(workflowId, List.of(first, second), List.of(), ids.next("WorkflowsOnEventTypes", 2),
                List.of()), ann);
        assertThat(lookup(workflowId)).containsEntry("trigger", "AFTER_EVENT").containsEntry("time", 15)
                .containsEntry("time_unit", "minute").containsEntry("is_active_on_all", true)
                .containsEntry("event_type_ids", "{" + first + "," + second + "}")
                .containsEntry("step_ids", "[" + added + ", " + stepIds.get(1) + "]")
                .containsEntry("step_numbers", "[1, 2]")
                .containsEntry("actions", "[\"SMS_NUMBER\", \"EMAIL_HOST\"]");

        Caller bob = user();
        int bobs = eventType(bob);
        assertThatThrownBy(() -> send(new SetWorkflowActivation(workflowId, List.of(first, bobs), List.of(),
                ids.next("WorkflowsOnEventTypes", 2), List.of()), ann)).isInstanceOf(AccessDenied.class);
        assertThat(lookup(workflowId)).containsEntry("event_type_ids", "{" + first + "," + second + "}");

        send(new DeleteEventType(first), ann);
        assertThat(lookup(workflowId)).as("a deleted event type is no longer active")
                .containsEntry("event_type_ids", "{" + second + "}");

        send(new DeleteWorkflow(workflowId), ann);
        assertThat(jdbc.queryForObject("select count(*) from command_side.workflows where workflow_id = ?",
                Integer.class, workflowId)).isZero();
    }
}
