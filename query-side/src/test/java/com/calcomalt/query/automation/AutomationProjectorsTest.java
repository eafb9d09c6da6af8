package com.calcomalt.query.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.automation.AIPhoneCallConfigurationIds;
import com.calcomalt.contracts.automation.AIPhoneCallConfigurationRemoved;
import com.calcomalt.contracts.automation.AIPhoneCallConfigured;
import com.calcomalt.contracts.automation.AIPhoneCallSettings;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowActivation;
import com.calcomalt.contracts.automation.WorkflowActivationSet;
import com.calcomalt.contracts.automation.WorkflowColumnsImported;
import com.calcomalt.contracts.automation.WorkflowCreated;
import com.calcomalt.contracts.automation.WorkflowDeleted;
import com.calcomalt.contracts.automation.WorkflowIds;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowStepEdited;
import com.calcomalt.contracts.automation.WorkflowStepRemoved;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowStepsReordered;
import com.calcomalt.contracts.automation.WorkflowTemplates;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.contracts.automation.WorkflowUpdated;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.query.scheduling.bookings.BookingFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Workflow and AI phone call events through the event store and the real processor into cal.com's tables. */
class AutomationProjectorsTest extends BookingFixtures {

    private static final Instant T0 = Instant.parse("2026-03-29T00:59:59.250Z");
    private static final Instant T1 = Instant.parse("2026-03-29T01:00:00.500Z");

    private static final WorkflowStepSettings EMAIL = new WorkflowStepSettings(WorkflowActions.EMAIL_ATTENDEE,
            WorkflowTemplates.REMINDER, "Hi {ATTENDEE}", "Soon", null, null, "Cal.com", false);
    private static final WorkflowStepSettings SMS = new WorkflowStepSettings(WorkflowActions.SMS_NUMBER,
            WorkflowTemplates.CUSTOM, "Soon", null, "+4915112345678", null, "Cal", true);

    private Map<String, Object> row(String table, Object id) {
        return jdbc.queryForMap("select * from \"" + table + "\" where id = ?", id);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private List<Map<String, Object>> steps(int workflowId) {
        return jdbc.queryForList("""
                select id, "stepNumber", action::text from "WorkflowStep" where "workflowId" = ? order by "stepNumber"
                """, workflowId);
    }

    private void publishWorkflow(int workflowId, Object... events) {
        publish("Workflow", WorkflowIds.aggregateId(workflowId), events);
    }

    @Test
    void a_workflow_its_steps_and_its_activations_become_rows_and_follow_every_change() {
        int owner = user();
        int first = personalEventType(owner, 30);
        int second = personalEventType(owner, 45);
        int workflowId = uniqueId();
        int email = uniqueId();
        int sms = uniqueId();
        int added = uniqueId();
        int onFirst = uniqueId();
        int onSecond = uniqueId();
        publishWorkflow(workflowId,
                new WorkflowCreated(workflowId, owner, null, new WorkflowSettings("Remind",
                        WorkflowTriggerEvents.BEFORE_EVENT, 1, TimeUnit.hour, false)),
                new WorkflowStepAdded(workflowId, email, 1, EMAIL, T0),
                new WorkflowStepAdded(workflowId, sms, 2, SMS, T0),
                new WorkflowActivationSet(workflowId, owner, null, List.of(new WorkflowActivation(onFirst, first)),
                        List.of()));
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForMap("""
                select name, "userId", "teamId", trigger::text, time, "timeUnit"::text, position, "isActiveOnAll",
                       type::text from "Workflow" where id = ?""", workflowId))
                .containsEntry("name", "Remind").containsEntry("userId", owner).containsEntry("teamId", null)
                .containsEntry("trigger", "BEFORE_EVENT").containsEntry("time", 1).containsEntry("timeUnit", "hour")
                .containsEntry("position", 0).containsEntry("isActiveOnAll", false).containsEntry("type", "EVENT_TYPE");
        assertThat(jdbc.queryForMap("""
                select "stepNumber", action::text, "workflowId", "sendTo", "reminderBody", "emailSubject",
                       template::text, "numberRequired", sender, "numberVerificationPending", "includeCalendarEvent",
                       "verifiedAt", "agentId" from "WorkflowStep" where id = ?""", sms))
                .containsEntry("stepNumber", 2).containsEntry("action", "SMS_NUMBER").containsEntry("workflowId", workflowId)
                .containsEntry("sendTo", "+4915112345678").containsEntry("reminderBody", "Soon")
                .containsEntry("emailSubject", null).containsEntry("template", "CUSTOM")
                .containsEntry("numberRequired", null).containsEntry("sender", "Cal")
                .containsEntry("numberVerificationPending", false).containsEntry("includeCalendarEvent", true)
                .containsEntry("verifiedAt", at(T0)).containsEntry("agentId", null);
        assertThat(row("WorkflowsOnEventTypes", onFirst)).containsEntry("workflowId", workflowId)
                .containsEntry("eventTypeId", first);

        publishWorkflow(workflowId,
                new WorkflowUpdated(workflowId, owner, null, new WorkflowSettings("Thank",
                        WorkflowTriggerEvents.AFTER_EVENT, 2, TimeUnit.day, true)),
                new WorkflowStepAdded(workflowId, added, 1, EMAIL, T1),
                new WorkflowStepsReordered(workflowId, List.of(added, email, sms)),
                new WorkflowStepEdited(workflowId, email, new WorkflowStepSettings(WorkflowActions.EMAIL_HOST,
                        WorkflowTemplates.RATING, "Rate", "How was it?", null, null, null, true), T1),
                new WorkflowStepRemoved(workflowId, sms),
                new WorkflowActivationSet(workflowId, owner, null, List.of(new WorkflowActivation(onSecond, second)),
                        List.of()));
        awaitProjectionsCaughtUp();

        assertThat(row("Workflow", workflowId)).containsEntry("name", "Thank").containsEntry("time", 2)
                .containsEntry("isActiveOnAll", true);
        assertThat(steps(workflowId)).containsExactly(
                Map.of("id", added, "stepNumber", 1, "action", "EMAIL_ATTENDEE"),
                Map.of("id", email, "stepNumber", 2, "action", "EMAIL_HOST"));
        assertThat(row("WorkflowStep", email)).containsEntry("template", "RATING")
                .containsEntry("emailSubject", "How was it?").containsEntry("verifiedAt", at(T1));
        assertThat(count("select count(*) from \"WorkflowsOnEventTypes\" where \"workflowId\" = ?", workflowId))
                .isEqualTo(1);
        assertThat(row("WorkflowsOnEventTypes", onSecond)).containsEntry("eventTypeId", second);

        publish("EventType", "event-type:" + second, new EventTypeDeleted(second, owner, null, null, T1));
        awaitProjectionsCaughtUp();
        assertThat(count("select count(*) from \"WorkflowsOnEventTypes\" where \"workflowId\" = ?", workflowId))
                .as("a deleted event type's activations go by cascade").isZero();

        publishWorkflow(workflowId, new WorkflowDeleted(workflowId, owner, null));
        awaitProjectionsCaughtUp();
        assertThat(count("select count(*) from \"Workflow\" where id = ?", workflowId)).isZero();
        assertThat(count("select count(*) from \"WorkflowStep\" where \"workflowId\" = ?", workflowId)).isZero();
    }

    @Test
    void an_imported_workflows_position_and_its_steps_pending_verification_and_agents_stay_through_later_edits() {
        int owner = user();
        int workflowId = uniqueId();
        int sms = uniqueId();
        int email = uniqueId();
        publishWorkflow(workflowId,
                new WorkflowCreated(workflowId, owner, null, new WorkflowSettings("Imported",
                        WorkflowTriggerEvents.BEFORE_EVENT, 1, TimeUnit.hour, false)),
                new WorkflowStepAdded(workflowId, sms, 1, SMS, T0),
                new WorkflowStepAdded(workflowId, email, 2, EMAIL, T0),
                new WorkflowColumnsImported(workflowId, 4, List.of(
                        new WorkflowColumnsImported.StepColumns(sms, true, "agent-1", "inbound-1"),
                        new WorkflowColumnsImported.StepColumns(email, false, null, null))));
        awaitProjectionsCaughtUp();
        assertThat(row("Workflow", workflowId)).containsEntry("position", 4);
        assertThat(row("WorkflowStep", sms)).containsEntry("numberVerificationPending", true)
                .containsEntry("agentId", "agent-1").containsEntry("inboundAgentId", "inbound-1");
        assertThat(row("WorkflowStep", email)).containsEntry("numberVerificationPending", false)
                .containsEntry("agentId", null);

        publishWorkflow(workflowId,
                new WorkflowUpdated(workflowId, owner, null, new WorkflowSettings("Renamed",
                        WorkflowTriggerEvents.BEFORE_EVENT, 2, TimeUnit.hour, false)),
                new WorkflowStepEdited(workflowId, sms, SMS, T1));
        awaitProjectionsCaughtUp();
        assertThat(row("Workflow", workflowId)).containsEntry("name", "Renamed").containsEntry("position", 4);
        assertThat(row("WorkflowStep", sms)).containsEntry("numberVerificationPending", true)
                .containsEntry("agentId", "agent-1").containsEntry("inboundAgentId", "inbound-1")
                .containsEntry("verifiedAt", at(T1));
    }

    @Test
    void handling_the_same_activation_twice_in_one_batch_keeps_the_rows_as_they_are() {
        int owner = user();
        int eventTypeId = personalEventType(owner, 30);
        int workflowId = uniqueId();
        int rowId = uniqueId();
        WorkflowActivationSet activation = new WorkflowActivationSet(workflowId, owner, null,
                List.of(new WorkflowActivation(rowId, eventTypeId)), List.of());
        publishWorkflow(workflowId, new WorkflowCreated(workflowId, owner, null, new WorkflowSettings("Twice",
                WorkflowTriggerEvents.NEW_EVENT, null, null, false)), activation, activation);
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForList("select id from \"WorkflowsOnEventTypes\" where \"workflowId\" = ?",
                Integer.class, workflowId)).containsExactly(rowId);
    }

    @Test
    void an_organizations_workflow_is_active_on_its_teams() {
        int owner = user();
        int organization = organization(owner);
        int sales = team(owner, organization, false);
        int support = team(owner, organization, false);
        int workflowId = uniqueId();
        int onSales = uniqueId();
        int onSupport = uniqueId();
        publishWorkflow(workflowId,
                new WorkflowCreated(workflowId, owner, organization, new WorkflowSettings("Org",
                        WorkflowTriggerEvents.NEW_EVENT, null, null, false)),
                new WorkflowActivationSet(workflowId, owner, organization, List.of(),
                        List.of(new WorkflowActivation(onSales, sales), new WorkflowActivation(onSupport, support))),
                new WorkflowActivationSet(workflowId, owner, organization, List.of(),
                        List.of(new WorkflowActivation(onSupport, support))));
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForList("select \"teamId\" from \"WorkflowsOnTeams\" where \"workflowId\" = ?",
                Integer.class, workflowId)).containsExactly(support);
        assertThat(row("WorkflowsOnTeams", onSupport)).containsEntry("teamId", support);
        assertThat(row("Workflow", workflowId)).containsEntry("teamId", organization).containsEntry("userId", owner);
    }

    @Test
    void an_ai_phone_call_configuration_is_one_row_per_event_type() {
        int owner = user();
        int eventTypeId = personalEventType(owner, 30);
        int configurationId = uniqueId();
        int again = uniqueId();
        String stream = AIPhoneCallConfigurationIds.aggregateId(eventTypeId);
        publish("AIPhoneCallConfiguration", stream, new AIPhoneCallConfigured(eventTypeId, configurationId,
                new AIPhoneCallSettings("Confirm", "+4930123456", "+4915112345678", "Guest", false, "Hello", "llm-1",
                        "Acme", "guest@example.com", "Ann", "CUSTOM_TEMPLATE")));
        awaitProjectionsCaughtUp();
        assertThat(row("AIPhoneCallConfiguration", configurationId)).containsEntry("eventTypeId", eventTypeId)
                .containsEntry("generalPrompt", "Confirm").containsEntry("yourPhoneNumber", "+4930123456")
                .containsEntry("numberToCall", "+4915112345678").containsEntry("guestName", "Guest")
                .containsEntry("enabled", false).containsEntry("beginMessage", "Hello").containsEntry("llmId", "llm-1")
                .containsEntry("guestCompany", "Acme").containsEntry("guestEmail", "guest@example.com")
                .containsEntry("schedulerName", "Ann").containsEntry("templateType", "CUSTOM_TEMPLATE");

        publish("AIPhoneCallConfiguration", stream,
                new AIPhoneCallConfigured(eventTypeId, configurationId, new AIPhoneCallSettings(null, "+4930123456",
                        "+4915199999999", null, true, null, null, null, null, null, "CHECK_IN_APPOINTMENT")),
                new AIPhoneCallConfigurationRemoved(eventTypeId, configurationId),
                new AIPhoneCallConfigured(eventTypeId, again, new AIPhoneCallSettings(null, "+4930123456",
                        "+4915199999999", null, true, null, null, null, null, null, "CHECK_IN_APPOINTMENT")));
        awaitProjectionsCaughtUp();
        assertThat(count("select count(*) from \"AIPhoneCallConfiguration\" where id = ?", configurationId)).isZero();
        assertThat(row("AIPhoneCallConfiguration", again)).containsEntry("enabled", true)
                .containsEntry("numberToCall", "+4915199999999").containsEntry("templateType", "CHECK_IN_APPOINTMENT");
    }

    @Test
    void a_replay_rebuilds_the_automation_tables_identically() {
        int owner = user();
        int eventTypeId = personalEventType(owner, 30);
        int workflowId = uniqueId();
        int step = uniqueId();
        publishWorkflow(workflowId,
                new WorkflowCreated(workflowId, owner, null, new WorkflowSettings("Replayed",
                        WorkflowTriggerEvents.BEFORE_EVENT, 10, TimeUnit.minute, false)),
                new WorkflowStepAdded(workflowId, step, 1, EMAIL, T0),
                new WorkflowStepAdded(workflowId, uniqueId(), 1, SMS, T0),
                new WorkflowActivationSet(workflowId, owner, null, List.of(new WorkflowActivation(uniqueId(),
                        eventTypeId)), List.of()));
        publish("AIPhoneCallConfiguration", AIPhoneCallConfigurationIds.aggregateId(eventTypeId),
                new AIPhoneCallConfigured(eventTypeId, uniqueId(), new AIPhoneCallSettings("p", "+4930123456",
                        "+4915112345678", null, true, null, null, null, null, null, "CUSTOM_TEMPLATE")));
        awaitProjectionsCaughtUp();
        List<String> tables = List.of("Workflow", "WorkflowStep", "WorkflowsOnEventTypes", "WorkflowsOnTeams",
                "AIPhoneCallConfiguration");
        Map<String, List<String>> before = new java.util.LinkedHashMap<>();
        tables.forEach(table -> before.put(table, rowsAsJson(table)));
        assertThat(before.get("WorkflowStep")).isNotEmpty();

        projections.replayAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsAsJson("Workflow").size() == before.get("Workflow").size());
        awaitProjectionsCaughtUp();

        tables.forEach(table -> assertThat(rowsAsJson(table)).as(table).containsExactlyElementsOf(before.get(table)));
    }
}
