package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Workflows, their steps and activations, and AI phone call configurations over HTTP. */
class WorkflowApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private int eventType(Member owner, String slug) {
        Response created = as(owner.key(), () -> post("/v2/event-types", """
                {"title": "Call", "slug": "%s-%s", "lengthInMinutes": 30}""".formatted(slug, tag)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private static int created(Response response) {
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(201);
        return response.data().get("id").asInt();
    }

    private static void ok(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isBetween(200, 204);
    }

    private static void problem(Response response, int status) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }

    private static List<Integer> ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
    }

    /** The ids of the workflows in a list. */
    private static List<Integer> ids(JsonNode workflows) {
        return StreamSupport.stream(workflows.spliterator(), false).map(w -> w.get("id").asInt()).toList();
    }

    /** cal.com's own e2e body for an event-type workflow, with email and phone where it names verified ids. */
    private static String calcomExample(int eventTypeId) {
        return """
                {"name": "E2E Test Workflow",
                 "activation": {"isActiveOnAllEventTypes": false, "activeOnEventTypeIds": [%d]},
                 "trigger": {"type": "beforeEvent", "offset": {"value": 1, "unit": "day"}},
                 "steps": [
                   {"stepNumber": 1, "action": "email_attendee", "recipient": "attendee", "template": "reminder",
                    "sender": "CalcomE2EStep1", "includeCalendarEvent": true,
                    "message": {"subject": "Upcoming: {EVENT_NAME}", "html": "<p>Reminder for your event {EVENT_NAME}.</p>"}},
                   {"stepNumber": 2, "action": "sms_number", "recipient": "phone_number", "template": "reminder",
                    "phone": "+37255555555", "sender": "CalcomE2EStep2",
                    "message": {"subject": "Upcoming: {EVENT_NAME}", "text": "Reminder for your event {EVENT_NAME}."}},
                   {"stepNumber": 3, "action": "email_address", "recipient": "email", "template": "reminder",
                    "email": "someone@example.com", "sender": "CalcomE2EStep3", "includeCalendarEvent": true,
                    "message": {"subject": "Upcoming: {EVENT_NAME}", "html": "<p>Reminder for your event {EVENT_NAME}.</p>"}}
                 ]}""".formatted(eventTypeId);
    }

    @Test
    void a_workflow_in_cal_coms_shape_is_created_answered_and_read_back_alike() {
        Member ann = newMember("flow", "example.com");
        int call = eventType(ann, "call");

        Response made = as(ann.key(), () -> post("/v2/workflows", calcomExample(call)));
        int workflowId = created(made);
        assertThat(made.location()).endsWith("/v2/workflows/" + workflowId);
        JsonNode answer = made.data();
        assertThat(answer.get("name").asText()).isEqualTo("E2E Test Workflow");
        assertThat(answer.get("type").asText()).isEqualTo("event-type");
        assertThat(answer.get("userId").asInt()).isEqualTo(ann.id());
        assertThat(answer.get("activation").get("isActiveOnAllEventTypes").asBoolean()).isFalse();
        assertThat(ints(answer.get("activation").get("activeOnEventTypeIds"))).containsExactly(call);
        assertThat(answer.get("trigger").get("type").asText()).isEqualTo("beforeEvent");
        assertThat(answer.get("trigger").get("offset").get("value").asInt()).isEqualTo(1);
        assertThat(answer.get("trigger").get("offset").get("unit").asText()).isEqualTo("day");
        JsonNode steps = answer.get("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).get("stepNumber").asInt()).isEqualTo(1);
        assertThat(steps.get(0).get("action").asText()).isEqualTo("email_attendee");
        assertThat(steps.get(0).get("recipient").asText()).isEqualTo("attendee");
        assertThat(steps.get(0).get("template").asText()).isEqualTo("reminder");
        assertThat(steps.get(0).get("sender").asText()).isEqualTo("CalcomE2EStep1");
        assertThat(steps.get(0).get("includeCalendarEvent").asBoolean()).isTrue();
        assertThat(steps.get(0).get("message").get("subject").asText()).isEqualTo("Upcoming: {EVENT_NAME}");
        assertThat(steps.get(0).get("message").get("html").asText()).contains("Reminder for your event");
        assertThat(steps.get(0).get("message").get("text").isNull()).isTrue();
        assertThat(steps.get(1).get("action").asText()).isEqualTo("sms_number");
        assertThat(steps.get(1).get("recipient").asText()).isEqualTo("phone_number");
        assertThat(steps.get(1).get("phone").asText()).isEqualTo("+37255555555");
        assertThat(steps.get(1).get("email").asText()).isEmpty();
        assertThat(steps.get(1).get("message").get("text").asText()).contains("Reminder for your event");
        assertThat(steps.get(2).get("recipient").asText()).isEqualTo("email");
        assertThat(steps.get(2).get("email").asText()).isEqualTo("someone@example.com");

        awaitProjectionsCaughtUp();
        assertThat(as(ann.key(), () -> get("/v2/workflows/" + workflowId)).data()).as("a read shows the answer")
                .isEqualTo(answer);
        assertThat(ids(as(ann.key(), () -> get("/v2/workflows")).data())).contains(workflowId);

        Map<String, Object> lookup = jdbc.queryForMap("""
                select user_id, team_id, trigger, time, time_unit, is_active_on_all, event_type_ids::text,
                       jsonb_path_query_array(steps, '$[*].stepNumber')::text as step_numbers
                from command_side.workflows where workflow_id = ?""", workflowId);
        assertThat(lookup).containsEntry("user_id", ann.id()).containsEntry("team_id", null)
                .containsEntry("trigger", "BEFORE_EVENT").containsEntry("time", 1).containsEntry("time_unit", "day")
                .containsEntry("is_active_on_all", false).containsEntry("event_type_ids", "{" + call + "}")
                .containsEntry("step_numbers", "[1, 2, 3]");
        Map<String, Object> smsRow = jdbc.queryForMap("""
                select action::text, "sendTo", "reminderBody", "emailSubject", template::text, sender
                from "WorkflowStep" where id = ?""", steps.get(1).get("id").asInt());
        assertThat(smsRow).containsEntry("action", "SMS_NUMBER").containsEntry("sendTo", "+37255555555")
                .containsEntry("reminderBody", "Reminder for your event {EVENT_NAME}.")
                .containsEntry("emailSubject", "Upcoming: {EVENT_NAME}").containsEntry("template", "REMINDER")
                .containsEntry("sender", "CalcomE2EStep2");
    }

    @Test
    void a_patch_replaces_the_steps_as_listed_and_changes_trigger_and_activation() {
        Member ann = newMember("patch", "example.com");
        int call = eventType(ann, "call");
        int demo = eventType(ann, "demo");
        JsonNode made = as(ann.key(), () -> post("/v2/workflows", calcomExample(call))).data();
        int workflowId = made.get("id").asInt();
        int first = made.get("steps").get(0).get("id").asInt();
        int third = made.get("steps").get(2).get("id").asInt();

        Response patched = as(ann.key(), () -> patch("/v2/workflows/" + workflowId, """
                {"name": "Changed", "trigger": {"type": "afterEvent", "offset": {"value": 15, "unit": "minute"}},
                 "activation": {"isActiveOnAllEventTypes": false, "activeOnEventTypeIds": [%d]},
                 "steps": [
                   {"id": %d, "stepNumber": 1, "action": "email_address", "email": "other@example.com",
                    "sender": "Cal", "message": {"subject": "Moved", "html": "<p>Moved</p>"}},
                   {"stepNumber": 2, "action": "whatsapp_attendee", "template": "custom", "phoneRequired": true,
                    "sender": "Cal", "message": {"subject": "Thanks", "text": "Thanks"}},
                   {"id": %d, "stepNumber": 3, "action": "email_host", "sender": "Cal",
                    "message": {"subject": "Host", "html": "<p>Host</p>"}}
                 ]}""".formatted(demo, third, first)));
        ok(patched);
        JsonNode workflow = patched.data();
        assertThat(workflow.get("name").asText()).isEqualTo("Changed");
        assertThat(workflow.get("trigger").get("type").asText()).isEqualTo("afterEvent");
        assertThat(workflow.get("trigger").get("offset").get("unit").asText()).isEqualTo("minute");
        assertThat(ints(workflow.get("activation").get("activeOnEventTypeIds"))).containsExactly(demo);
        JsonNode steps = workflow.get("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).get("id").asInt()).as("kept and changed").isEqualTo(third);
        assertThat(steps.get(0).get("email").asText()).isEqualTo("other@example.com");
        assertThat(steps.get(1).get("action").asText()).isEqualTo("whatsapp_attendee");
        assertThat(steps.get(1).get("phoneRequired").asBoolean()).isTrue();
        assertThat(steps.get(1).get("template").asText()).isEqualTo("custom");
        assertThat(steps.get(2).get("id").asInt()).isEqualTo(first);
        assertThat(steps.get(2).get("recipient").asText()).as("cal.com spells the host so").isEqualTo("const");
        assertThat(ids(steps)).doesNotContain(made.get("steps").get(1).get("id").asInt());

        awaitProjectionsCaughtUp();
        assertThat(as(ann.key(), () -> get("/v2/workflows/" + workflowId)).data()).isEqualTo(workflow);
        assertThat(rowsWhere("WorkflowStep", "\"workflowId\"", workflowId)).isEqualTo(3);
        assertThat(jdbc.queryForObject("""
                select jsonb_path_query_array(steps, '$[*].id')::text || jsonb_path_query_array(steps, '$[*].stepNumber')::text
                from command_side.workflows where workflow_id = ?""", String.class, workflowId))
                .as("the reminders' copy has the same steps in the same order")
                .isEqualTo(ids(steps) + "[1, 2, 3]");

        Response renamed = as(ann.key(), () -> patch("/v2/workflows/" + workflowId, "{\"name\": \"Only the name\"}"));
        ok(renamed);
        assertThat(renamed.data().get("steps")).as("steps not given stay").isEqualTo(steps);
        assertThat(renamed.data().get("activation")).isEqualTo(workflow.get("activation"));
    }

    @Test
    void an_organization_teams_workflows_are_served_at_cal_coms_path_and_only_there() {
        Member owner = newMember("org-owner", "example.com");
        int orgId = created(as(ADMIN_KEY, () -> post("/v2/organizations", """
                {"name": "Flow org", "slug": "flow-org-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "example.com"}}""".formatted(tag, owner.email()))));
        int teamId = created(as(owner.key(), () -> post("/v2/organizations/" + orgId + "/teams",
                "{\"name\": \"Sub\", \"slug\": \"sub\"}")));
        int looseTeam = created(as(owner.key(), () -> post("/v2/teams",
                "{\"name\": \"Loose\", \"slug\": \"loose-%s\"}".formatted(tag))));
        String body = """
                {"name": "Org team reminder", "activation": {"isActiveOnAllEventTypes": true},
                 "trigger": {"type": "newEvent"},
                 "steps": [{"stepNumber": 1, "action": "email_host", "sender": "Cal",
                            "message": {"subject": "Booked", "html": "<p>Booked</p>"}}]}""";
        String base = "/v2/organizations/" + orgId + "/teams/" + teamId + "/workflows";

        Response made = as(owner.key(), () -> post(base, body));
        int workflowId = created(made);
        assertThat(made.data().get("teamId").asInt()).isEqualTo(teamId);
        assertThat(made.data().get("activation").get("isActiveOnAllEventTypes").asBoolean()).isTrue();
        problem(as(owner.key(), () -> post("/v2/organizations/" + orgId + "/teams/" + looseTeam + "/workflows",
                body)), 404);
        Response renamed = as(owner.key(), () -> patch(base + "/" + workflowId, "{\"name\": \"Renamed\"}"));
        ok(renamed);
        assertThat(renamed.data().get("name").asText()).isEqualTo("Renamed");

        awaitProjectionsCaughtUp();
        assertThat(ids(as(owner.key(), () -> get(base)).data())).containsExactly(workflowId);
        assertThat(as(owner.key(), () -> get(base + "/" + workflowId)).data()).isEqualTo(renamed.data());
        int elsewhere = created(as(owner.key(), () -> post("/v2/teams/" + looseTeam + "/workflows", body)));
        problem(as(owner.key(), () -> get(base + "/" + elsewhere)), 404);
        problem(as(owner.key(), () -> patch(base + "/" + elsewhere, "{\"name\": \"Moved\"}")), 404);
        problem(as(owner.key(), () -> delete(base + "/" + elsewhere)), 404);
        problem(as(owner.key(), () -> get("/v2/organizations/" + orgId + "/teams/" + looseTeam + "/workflows")), 404);

        Response deleted = as(owner.key(), () -> delete(base + "/" + workflowId));
        assertThat(deleted.status().value()).isEqualTo(200);
        assertThat(deleted.body().get("status").asText()).isEqualTo("success");
    }

    @Test
    void our_step_and_activation_endpoints_take_the_same_shapes() {
        Member ann = newMember("steps", "example.com");
        int call = eventType(ann, "call");
        int demo = eventType(ann, "demo");
        JsonNode made = as(ann.key(), () -> post("/v2/workflows", calcomExample(call))).data();
        int workflowId = made.get("id").asInt();
        int email = made.get("steps").get(0).get("id").asInt();

        Response added = as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps", """
                {"stepNumber": 1, "action": "email_host", "sender": "Cal", "includeCalendarEvent": true,
                 "message": {"subject": "Host", "html": "<p>Host</p>"}}"""));
        assertThat(created(added)).isEqualTo(workflowId);
        int host = added.data().get("steps").get(0).get("id").asInt();
        assertThat(added.data().get("steps").get(0).get("action").asText()).isEqualTo("email_host");
        ok(as(ann.key(), () -> patch("/v2/workflows/" + workflowId + "/steps/" + email, """
                {"action": "email_attendee", "sender": "Cal", "message": {"subject": "In one hour", "html": "Soon"}}""")));
        List<Integer> order = ids(as(ann.key(), () -> get("/v2/workflows/" + workflowId)).data().get("steps"));
        List<Integer> reversed = new java.util.ArrayList<>(order);
        java.util.Collections.reverse(reversed);
        Response reordered = as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps/reorder",
                "{\"stepIds\": " + reversed + "}"));
        ok(reordered);
        assertThat(ids(reordered.data().get("steps"))).isEqualTo(reversed);
        Response removed = as(ann.key(), () -> delete("/v2/workflows/" + workflowId + "/steps/" + host));
        ok(removed);
        assertThat(ids(removed.data().get("steps"))).doesNotContain(host).hasSize(3);
        Response activated = as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation", """
                {"isActiveOnAllEventTypes": false, "activeOnEventTypeIds": [%d, %d]}""".formatted(call, demo)));
        ok(activated);
        assertThat(ints(activated.data().get("activation").get("activeOnEventTypeIds"))).containsExactly(call, demo);
        ok(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation", """
                {"activeOnEventTypeIds": []}""")));

        awaitProjectionsCaughtUp();
        JsonNode workflow = as(ann.key(), () -> get("/v2/workflows/" + workflowId)).data();
        assertThat(ints(workflow.get("activation").get("activeOnEventTypeIds"))).isEmpty();
        JsonNode edited = StreamSupport.stream(workflow.get("steps").spliterator(), false)
                .filter(step -> step.get("id").asInt() == email).findFirst().orElseThrow();
        assertThat(edited.get("message").get("subject").asText()).isEqualTo("In one hour");

        Response deleted = as(ann.key(), () -> delete("/v2/workflows/" + workflowId));
        assertThat(deleted.status().value()).as("cal.com answers a DELETE with 200").isEqualTo(200);
        assertThat(deleted.body().get("status").asText()).isEqualTo("success");
        problem(as(ann.key(), () -> get("/v2/workflows/" + workflowId)), 404);
        assertThat(rowsWhere("WorkflowStep", "\"workflowId\"", workflowId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from command_side.workflows where workflow_id = ?",
                Integer.class, workflowId)).isZero();
    }

    @Test
    void an_ai_phone_call_configuration_is_set_read_and_removed() {
        Member ann = newMember("phone", "example.com");
        int demo = eventType(ann, "demo");
        ok(as(ann.key(), () -> put("/v2/event-types/" + demo + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678", "generalPrompt": "Confirm",
                 "enabled": true}""")));
        JsonNode configuration = as(ann.key(), () -> get("/v2/event-types/" + demo + "/ai-phone-call-configuration"))
                .data();
        assertThat(configuration.get("eventTypeId").asInt()).isEqualTo(demo);
        assertThat(configuration.get("numberToCall").asText()).isEqualTo("+4915112345678");
        assertThat(configuration.get("templateType").asText()).isEqualTo("CUSTOM_TEMPLATE");
        assertThat(configuration.get("enabled").asBoolean()).isTrue();
        ok(as(ann.key(), () -> delete("/v2/event-types/" + demo + "/ai-phone-call-configuration")));
        problem(as(ann.key(), () -> get("/v2/event-types/" + demo + "/ai-phone-call-configuration")), 404);
    }

    private long rowsWhere(String table, String column, int value) {
        return jdbc.queryForObject("select count(*) from \"" + table + "\" where " + column + " = ?", Long.class, value);
    }

    /** A valid body with one part replaced, to see that part alone refused. */
    private static String body(String trigger, String steps) {
        return """
                {"name": "x", "activation": {"isActiveOnAllEventTypes": false},
                 "trigger": %s, "steps": %s}""".formatted(trigger, steps);
    }

    private static final String NEW_EVENT = "{\"type\": \"newEvent\"}";
    private static final String EMAIL_HOST = """
            [{"stepNumber": 1, "action": "email_host", "sender": "Cal", "message": {"subject": "s", "html": "h"}}]""";

    @Test
    void bad_input_is_answered_with_problem_details_and_nothing_is_written() {
        Member ann = newMember("bad", "example.com");
        Member bob = newMember("other", "example.com");
        int bobs = eventType(bob, "bobs");
        long eventsBefore = storedEvents();

        Response noName = as(ann.key(), () -> post("/v2/workflows", """
                {"activation": {}, "trigger": {"type": "newEvent"}, "steps": %s}""".formatted(EMAIL_HOST)));
        problem(noName, 400);
        assertThat(noName.body().get("errors").findValuesAsText("field")).contains("name");
        problem(as(ann.key(), () -> post("/v2/workflows", """
                {"name": "x", "trigger": {"type": "newEvent"}, "steps": %s}""".formatted(EMAIL_HOST))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body("{\"type\": \"BEFORE_EVENT\"}", EMAIL_HOST))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body("{\"type\": \"beforeEvent\"}", EMAIL_HOST))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body("""
                {"type": "beforeEvent", "offset": {"value": 1, "unit": "week"}}""", EMAIL_HOST))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body("""
                {"type": "beforeEvent", "offset": {"value": -5, "unit": "hour"}}""", EMAIL_HOST))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body("""
                {"type": "newEvent", "offset": {"value": 5, "unit": "hour"}}""", EMAIL_HOST))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, "[]"))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "EMAIL_HOST", "sender": "Cal", "message": {"subject": "s", "html": "h"}}]"""))),
                400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "email_host", "message": {"subject": "s", "html": "h"}}]"""))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "email_host", "sender": "Cal", "message": {"subject": "s", "text": "t"}}]"""))),
                400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "sms_number", "sender": "Cal", "verifiedPhoneId": 3,
                  "message": {"subject": "s", "text": "t"}}]"""))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "sms_number", "sender": "Cal", "message": {"subject": "s", "text": "t"}}]"""))),
                400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "email_host", "recipient": "attendee", "sender": "Cal",
                  "message": {"subject": "s", "html": "h"}}]"""))), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "email_host", "sender": "Cal", "message": {"subject": "s", "html": "h"}},
                 {"stepNumber": 1, "action": "email_attendee", "sender": "Cal", "message": {"subject": "s", "html": "h"}}]"""))),
                400);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "cal_ai_phone_call", "sender": "Cal", "message": {"subject": "s", "text": "t"}}]"""))),
                400);
        problem(as(ann.key(), () -> post("/v2/workflows", body("""
                {"type": "afterEvent", "offset": {"value": 0, "unit": "day"}}""", EMAIL_HOST))), 422);
        problem(as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "sms_number", "phone": "call me", "sender": "Cal",
                  "message": {"subject": "s", "text": "t"}}]"""))), 422);
        problem(as(ann.key(), () -> post("/v2/workflows", """
                {"name": "x", "activation": {"activeOnEventTypeIds": [%d]}, "trigger": {"type": "newEvent"},
                 "steps": %s}""".formatted(bobs, EMAIL_HOST))), 403);
        assertThat(storedEvents()).as("nothing is written").isEqualTo(eventsBefore);

        JsonNode made = as(ann.key(), () -> post("/v2/workflows", body(NEW_EVENT, """
                [{"stepNumber": 1, "action": "email_attendee", "sender": "Cal", "message": {"subject": "s", "html": "h"}},
                 {"stepNumber": 2, "action": "email_host", "sender": "Cal", "message": {"subject": "s", "html": "h"}}]""")))
                .data();
        int workflowId = made.get("id").asInt();
        int first = made.get("steps").get(0).get("id").asInt();
        long eventsThen = storedEvents();
        problem(as(ann.key(), () -> patch("/v2/workflows/" + workflowId, """
                {"name": "Renamed", "steps": [{"id": %d, "stepNumber": 1, "action": "sms_number", "phone": "call me",
                  "sender": "Cal", "message": {"subject": "s", "text": "t"}}]}""".formatted(first))), 422);
        problem(as(ann.key(), () -> patch("/v2/workflows/" + workflowId, """
                {"name": "Renamed", "activation": {"activeOnEventTypeIds": [%d]}}""".formatted(bobs))), 403);
        problem(as(ann.key(), () -> patch("/v2/workflows/" + workflowId, "{\"steps\": []}")), 400);
        problem(as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps/reorder",
                "{\"stepIds\": [%d]}".formatted(first))), 422);
        problem(as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps", """
                {"action": "email_host", "stepNumber": 9, "sender": "Cal", "message": {"subject": "s", "html": "h"}}""")),
                422);
        problem(as(ann.key(), () -> patch("/v2/workflows/" + workflowId + "/steps/" + first, """
                {"action": "sms_number", "phone": "call me", "sender": "Cal", "message": {"subject": "s", "text": "t"}}""")),
                422);
        problem(as(ann.key(), () -> delete("/v2/workflows/" + workflowId + "/steps/999999")), 404);
        problem(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"activeOnEventTypeIds\": [%d]}".formatted(bobs))), 403);
        problem(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"activeOnEventTypeIds\": [999999]}")), 404);
        problem(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"activeOnEventTypeIds\": [-1]}")), 400);
        problem(as(bob.key(), () -> patch("/v2/workflows/" + workflowId, "{\"name\": \"Mine\"}")), 403);
        problem(as(bob.key(), () -> get("/v2/workflows/" + workflowId)), 404);
        problem(as(ann.key(), () -> put("/v2/event-types/" + bobs + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678"}""")), 403);
        problem(as(bob.key(), () -> put("/v2/event-types/" + bobs + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456"}""")), 400);
        problem(as(bob.key(), () -> put("/v2/event-types/" + bobs + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "tomorrow"}""")), 422);
        assertThat(storedEvents()).as("nothing is written").isEqualTo(eventsThen);
        assertThat(as(ann.key(), () -> get("/v2/workflows/" + workflowId)).data().get("name").asText()).isEqualTo("x");
    }

    @Test
    void only_a_teams_admins_and_owners_change_its_workflows_and_only_on_its_event_types() {
        Member owner = newMember("team-owner", "example.com");
        Member member = newMember("team-member", "example.com");
        int teamId = created(as(owner.key(), () -> post("/v2/teams", """
                {"name": "Flows", "slug": "flows-%s"}""".formatted(tag))));
        int membership = created(as(owner.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(member.id()))));
        ok(as(member.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membership, "{\"accepted\": true}")));
        int teamEventType = created(as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Team call", "slug": "team-call", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE"}""")));
        int ownersOwn = eventType(owner, "own");
        int managed = created(as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Managed", "slug": "managed", "lengthInMinutes": 30, "schedulingType": "MANAGED"}""")));
        ok(as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types/" + managed + "/assign",
                "{\"userIds\": [%d]}".formatted(member.id()))));
        int membersChild = jdbc.queryForObject("select id from \"EventType\" where \"parentId\" = ?", Integer.class,
                managed);
        String teamWorkflow = """
                {"name": "Team reminder", "activation": {"isActiveOnAllEventTypes": false},
                 "trigger": {"type": "beforeEvent", "offset": {"value": 30, "unit": "minute"}},
                 "steps": [{"stepNumber": 1, "action": "sms_attendee", "phoneRequired": true, "sender": "Team",
                            "message": {"subject": "Soon", "text": "See you soon"}}]}""";

        problem(as(member.key(), () -> post("/v2/teams/" + teamId + "/workflows", teamWorkflow)), 403);
        Response made = as(owner.key(), () -> post("/v2/teams/" + teamId + "/workflows", teamWorkflow));
        int workflowId = created(made);
        int step = made.data().get("steps").get(0).get("id").asInt();

        problem(as(member.key(), () -> patch("/v2/workflows/" + workflowId, "{\"name\": \"Mine\"}")), 403);
        problem(as(member.key(), () -> patch("/v2/workflows/" + workflowId + "/steps/" + step, """
                {"action": "sms_attendee", "sender": "Me", "message": {"subject": "s", "text": "Mine"}}""")), 403);
        problem(as(member.key(), () -> delete("/v2/workflows/" + workflowId)), 403);
        problem(as(member.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"activeOnEventTypeIds\": [%d]}".formatted(teamEventType))), 403);
        problem(as(member.key(), () -> put("/v2/event-types/" + teamEventType + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678"}""")), 403);
        problem(as(owner.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"activeOnEventTypeIds\": [%d]}".formatted(ownersOwn))), 403);

        ok(as(owner.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"activeOnEventTypeIds\": [%d, %d]}".formatted(teamEventType, managed))));
        ok(as(owner.key(), () -> put("/v2/event-types/" + teamEventType + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678"}""")));

        awaitProjectionsCaughtUp();
        JsonNode seenByMember = as(member.key(), () -> get("/v2/workflows/" + workflowId)).data();
        assertThat(seenByMember.get("teamId").asInt()).isEqualTo(teamId);
        assertThat(seenByMember.get("userId").asInt()).as("its maker, as in cal.com").isEqualTo(owner.id());
        assertThat(ints(seenByMember.get("activation").get("activeOnEventTypeIds")))
                .as("a MANAGED event type brings its children, as in cal.com")
                .containsExactlyInAnyOrder(teamEventType, managed, membersChild);
        assertThat(seenByMember.get("steps").get(0).get("phoneRequired").asBoolean()).isTrue();
        assertThat(ids(as(member.key(), () -> get("/v2/workflows")).data())).contains(workflowId);
        assertThat(ids(as(member.key(), () -> get("/v2/teams/" + teamId + "/workflows")).data()))
                .containsExactly(workflowId);
        assertThat(ids(as(member.key(), () -> get("/v2/teams/" + teamId + "/workflows?take=1&skip=1")).data()))
                .isEmpty();
        assertThat(as(member.key(), () -> get("/v2/event-types/" + teamEventType + "/ai-phone-call-configuration"))
                .status().value()).isEqualTo(200);
    }
}
