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

    @Test
    void a_workflow_is_created_given_steps_activated_and_read_back() {
        Member ann = newMember("flow", "example.com");
        int call = eventType(ann, "call");
        int demo = eventType(ann, "demo");

        Response made = as(ann.key(), () -> post("/v2/workflows", """
                {"name": "Email attendee 1 hour before", "trigger": "BEFORE_EVENT", "time": 1, "timeUnit": "HOUR",
                 "steps": [{"action": "EMAIL_ATTENDEE", "emailSubject": "Soon", "reminderBody": "See you"}]}"""));
        int workflowId = created(made);
        assertThat(made.location()).endsWith("/v2/workflows/" + workflowId);
        int email = made.data().get("stepIds").get(0).asInt();

        int sms = created(as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps", """
                {"action": "SMS_NUMBER", "sendTo": "+4915112345678", "template": "CUSTOM", "reminderBody": "Soon",
                 "stepNumber": 1}""")));
        int host = created(as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps", """
                {"action": "EMAIL_HOST", "includeCalendarEvent": true}""")));
        ok(as(ann.key(), () -> patch("/v2/workflows/" + workflowId + "/steps/" + email, """
                {"emailSubject": "In one hour"}""")));
        ok(as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps/reorder", """
                {"stepIds": [%d, %d, %d]}""".formatted(email, host, sms))));
        ok(as(ann.key(), () -> delete("/v2/workflows/" + workflowId + "/steps/" + host)));
        ok(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation", """
                {"eventTypeIds": [%d, %d]}""".formatted(call, demo))));
        ok(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation", """
                {"eventTypeIds": [%d]}""".formatted(demo))));
        ok(as(ann.key(), () -> patch("/v2/workflows/" + workflowId, """
                {"name": "Email and text 1 hour before"}""")));

        JsonNode workflow = as(ann.key(), () -> get("/v2/workflows/" + workflowId)).data();
        assertThat(workflow.get("name").asText()).isEqualTo("Email and text 1 hour before");
        assertThat(workflow.get("trigger").asText()).isEqualTo("BEFORE_EVENT");
        assertThat(workflow.get("time").asInt()).isEqualTo(1);
        assertThat(workflow.get("timeUnit").asText()).isEqualTo("HOUR");
        assertThat(workflow.get("userId").asInt()).isEqualTo(ann.id());
        assertThat(ints(workflow.get("activeOn"))).containsExactly(demo);
        JsonNode steps = workflow.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("id").asInt()).isEqualTo(email);
        assertThat(steps.get(0).get("stepNumber").asInt()).isEqualTo(1);
        assertThat(steps.get(0).get("emailSubject").asText()).isEqualTo("In one hour");
        assertThat(steps.get(0).get("template").asText()).isEqualTo("REMINDER");
        assertThat(steps.get(1).get("id").asInt()).isEqualTo(sms);
        assertThat(steps.get(1).get("stepNumber").asInt()).isEqualTo(2);
        assertThat(steps.get(1).get("sendTo").asText()).isEqualTo("+4915112345678");
        assertThat(steps.get(1).get("numberVerificationPending").asBoolean()).isFalse();
        assertThat(ids(as(ann.key(), () -> get("/v2/workflows")).data())).contains(workflowId);

        Map<String, Object> lookup = jdbc.queryForMap("""
                select user_id, team_id, trigger, time, time_unit, is_active_on_all, event_type_ids::text,
                       jsonb_path_query_array(steps, '$[*].id')::text as step_ids,
                       jsonb_path_query_array(steps, '$[*].stepNumber')::text as step_numbers
                from command_side.workflows where workflow_id = ?""", workflowId);
        assertThat(lookup).containsEntry("user_id", ann.id()).containsEntry("team_id", null)
                .containsEntry("trigger", "BEFORE_EVENT").containsEntry("time", 1).containsEntry("time_unit", "hour")
                .containsEntry("is_active_on_all", false).containsEntry("event_type_ids", "{" + demo + "}")
                .containsEntry("step_ids", "[" + email + ", " + sms + "]").containsEntry("step_numbers", "[1, 2]");

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

        ok(as(ann.key(), () -> delete("/v2/workflows/" + workflowId)));
        problem(as(ann.key(), () -> get("/v2/workflows/" + workflowId)), 404);
        assertThat(rowsWhere("WorkflowStep", "\"workflowId\"", workflowId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from command_side.workflows where workflow_id = ?",
                Integer.class, workflowId)).isZero();
    }

    private long rowsWhere(String table, String column, int value) {
        return jdbc.queryForObject("select count(*) from \"" + table + "\" where " + column + " = ?", Long.class, value);
    }

    @Test
    void bad_input_is_answered_with_problem_details_and_nothing_is_written() {
        Member ann = newMember("bad", "example.com");
        Member bob = newMember("other", "example.com");
        int bobs = eventType(bob, "bobs");
        long eventsBefore = storedEvents();

        Response noName = as(ann.key(), () -> post("/v2/workflows", "{\"trigger\": \"NEW_EVENT\"}"));
        problem(noName, 400);
        assertThat(noName.body().get("errors").findValuesAsText("field")).contains("name");
        problem(as(ann.key(), () -> post("/v2/workflows", "{\"name\": \"x\", \"triger\": \"NEW_EVENT\"}")), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", "{\"name\": \"x\", \"trigger\": \"SOMETIME\"}")), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", "{\"name\": \"x\", \"timeUnit\": \"WEEK\"}")), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", "{\"name\": \"x\", \"time\": -5}")), 400);
        problem(as(ann.key(), () -> post("/v2/workflows", "{\"name\": \"x\", \"steps\": [{\"sendTo\": \"a@b.c\"}]}")),
                400);
        problem(as(ann.key(), () -> post("/v2/workflows", """
                {"name": "x", "trigger": "AFTER_EVENT", "time": 0, "timeUnit": "DAY"}""")), 422);
        problem(as(ann.key(), () -> post("/v2/workflows", """
                {"name": "x", "trigger": "NEW_EVENT", "steps": [{"action": "SMS_NUMBER"}]}""")), 422);
        problem(as(ann.key(), () -> post("/v2/workflows", """
                {"name": "x", "trigger": "NEW_EVENT", "steps": [{"action": "WHATSAPP_ATTENDEE"}]}""")), 422);
        assertThat(storedEvents()).as("nothing is written").isEqualTo(eventsBefore);

        int workflowId = created(as(ann.key(), () -> post("/v2/workflows", """
                {"name": "Thanks", "trigger": "NEW_EVENT",
                 "steps": [{"action": "EMAIL_ATTENDEE"}, {"action": "EMAIL_HOST"}]}""")));
        int first = as(ann.key(), () -> get("/v2/workflows/" + workflowId)).data().get("steps").get(0).get("id").asInt();
        problem(as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps/reorder",
                "{\"stepIds\": [%d]}".formatted(first))), 422);
        problem(as(ann.key(), () -> post("/v2/workflows/" + workflowId + "/steps", """
                {"action": "EMAIL_HOST", "stepNumber": 9}""")), 422);
        problem(as(ann.key(), () -> patch("/v2/workflows/" + workflowId + "/steps/" + first, """
                {"action": "SMS_NUMBER", "sendTo": "call me"}""")), 422);
        problem(as(ann.key(), () -> delete("/v2/workflows/" + workflowId + "/steps/999999")), 404);
        problem(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"eventTypeIds\": [%d]}".formatted(bobs))), 403);
        problem(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"eventTypeIds\": [999999]}")), 404);
        problem(as(ann.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"eventTypeIds\": [-1]}")), 400);
        problem(as(bob.key(), () -> patch("/v2/workflows/" + workflowId, "{\"name\": \"Mine\"}")), 403);
        problem(as(bob.key(), () -> get("/v2/workflows/" + workflowId)), 404);
        problem(as(ann.key(), () -> put("/v2/event-types/" + bobs + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678"}""")), 403);
        problem(as(bob.key(), () -> put("/v2/event-types/" + bobs + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456"}""")), 400);
        problem(as(bob.key(), () -> put("/v2/event-types/" + bobs + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "tomorrow"}""")), 422);
        assertThat(as(ann.key(), () -> get("/v2/workflows/" + workflowId)).data().get("steps")).hasSize(2);
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

        problem(as(member.key(), () -> post("/v2/teams/" + teamId + "/workflows", """
                {"name": "Mine", "trigger": "NEW_EVENT"}""")), 403);
        Response made = as(owner.key(), () -> post("/v2/teams/" + teamId + "/workflows", """
                {"name": "Team reminder", "trigger": "BEFORE_EVENT", "time": 30, "timeUnit": "MINUTE",
                 "steps": [{"action": "SMS_ATTENDEE", "numberRequired": true}]}"""));
        int workflowId = created(made);
        int step = made.data().get("stepIds").get(0).asInt();

        problem(as(member.key(), () -> patch("/v2/workflows/" + workflowId, "{\"name\": \"Mine\"}")), 403);
        problem(as(member.key(), () -> patch("/v2/workflows/" + workflowId + "/steps/" + step,
                "{\"reminderBody\": \"Mine\"}")), 403);
        problem(as(member.key(), () -> delete("/v2/workflows/" + workflowId)), 403);
        problem(as(member.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"eventTypeIds\": [%d]}".formatted(teamEventType))), 403);
        problem(as(member.key(), () -> put("/v2/event-types/" + teamEventType + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678"}""")), 403);
        problem(as(owner.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"eventTypeIds\": [%d]}".formatted(ownersOwn))), 403);

        ok(as(owner.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"eventTypeIds\": [%d, %d]}".formatted(teamEventType, managed))));
        ok(as(owner.key(), () -> put("/v2/event-types/" + teamEventType + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678"}""")));

        JsonNode seenByMember = as(member.key(), () -> get("/v2/workflows/" + workflowId)).data();
        assertThat(seenByMember.get("teamId").asInt()).isEqualTo(teamId);
        assertThat(seenByMember.get("userId").asInt()).as("its maker, as in cal.com").isEqualTo(owner.id());
        assertThat(ints(seenByMember.get("activeOn"))).as("a MANAGED event type brings its children, as in cal.com")
                .containsExactlyInAnyOrder(teamEventType, managed, membersChild);
        assertThat(seenByMember.get("steps").get(0).get("numberRequired").asBoolean()).isTrue();
        assertThat(ids(as(member.key(), () -> get("/v2/workflows")).data())).contains(workflowId);
        assertThat(ids(as(member.key(), () -> get("/v2/teams/" + teamId + "/workflows")).data()))
                .containsExactly(workflowId);
        assertThat(as(member.key(), () -> get("/v2/event-types/" + teamEventType + "/ai-phone-call-configuration"))
                .status().value()).isEqualTo(200);
    }
}
