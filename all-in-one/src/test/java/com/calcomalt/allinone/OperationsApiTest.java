package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationsApiTest extends ApiTest {

    private static final List<String> REBUILT = List.of("users", "Team", "OrganizationSettings", "Membership",
            "Profile", "ApiKey", "UserPassword", "ResetPasswordRequest", "Impersonations", "Session", "Account",
            "AccessToken", "RefreshToken", "Schedule", "Availability", "EventType", "Host", "EventTypeCustomInput",
            "HashedLink", "OutOfOfficeReason", "OutOfOfficeEntry", "SelectedSlots", "Booking", "Attendee",
            "BookingSeat", "BookingReference", "BookingInternalNote", "Tracking", "BookingDenormalized",
            "query_side.booking_listing", "Workflow", "WorkflowStep", "WorkflowsOnEventTypes", "WorkflowsOnTeams",
            "AIPhoneCallConfiguration", "WorkflowReminder", "ReminderMail", "Feature", "TeamFeatures", "UserFeatures");

    private List<String> rowsOf(String table) {
        String name = table.contains(".") ? table : "\"" + table + "\"";
        return jdbc.queryForList("select t::text from " + name + " t order by 1", String.class);
    }

    @Test
    void health_covers_the_database_and_the_event_processors() {
        Response health = as(null, () -> get("/actuator/health"));

        assertThat(health.status().value()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/eventProcessors/details/processors/calcom-projections/running")
                .asBoolean()).isTrue();
    }

    @Test
    void health_names_the_node_and_the_segments_it_has_claimed_in_the_token_store() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode processors = as(null, () -> get("/actuator/health")).body().at("/components/eventProcessors/details");
            String node = processors.get("node").asText();

            assertThat(node).as("calalt.node-name unset: the JVM's pid@host").isEqualTo(ManagementFactory.getRuntimeMXBean().getName());
            assertThat(processors.at("/processors/calcom-projections/claimedSegments").toString()).isEqualTo("[0]");
            assertThat(processors.at("/processors/calendar-writer/configuredSegments").asInt()).isEqualTo(4);
            assertThat(processors.at("/processors/calendar-writer/totalSegments").asInt())
                    .as("in the token store, on all nodes").isEqualTo(4);
            assertThat(jdbc.queryForObject("""
                    select owner from eventstore.token_entry where processor_name = 'calcom-projections' and segment = 0""",
                    String.class)).isEqualTo(node);
        });
    }

    @Test
    void the_api_is_described_by_openapi_and_swagger_ui() {
        Response docs = get("/v3/api-docs");

        assertThat(docs.status().value()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/v2/users")).isTrue();
        assertThat(docs.body().get("paths").has("/v2/users/{userId}")).isTrue();
        assertThat(http.get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(as(null, () -> get("/v3/api-docs")).status().value()).as("open without a key").isEqualTo(200);
    }

    @Test
    void each_operation_of_the_api_document_has_its_own_request_schema() {
        JsonNode docs = get("/v3/api-docs").body();

        JsonNode schedule = bodySchema(docs, "/v2/schedules", "post");
        JsonNode webhook = bodySchema(docs, "/v2/webhooks", "post");
        JsonNode timeOff = bodySchema(docs, "/v2/me/ooo", "post");
        assertThat(schedule.get("properties").has("timeZone")).as(schedule.toString()).isTrue();
        assertThat(webhook.get("properties").has("subscriberUrl")).as(webhook.toString()).isTrue();
        assertThat(timeOff.get("properties").has("reasonId")).as(timeOff.toString()).isTrue();
        assertThat(schedule).isNotEqualTo(webhook);
        assertThat(docs.at("/components/schemas").has("ScheduleCreateInput")).isTrue();
        assertThat(docs.at("/components/schemas").has("CreateInput")).as("no bare nested name").isFalse();
    }

    private static JsonNode bodySchema(JsonNode docs, String path, String method) {
        String ref = docs.at("/paths/" + path.replace("/", "~1") + "/" + method
                + "/requestBody/content/application~1json/schema/$ref").asText();
        assertThat(ref).as(method + " " + path).startsWith("#/components/schemas/");
        return docs.at("/components/schemas/" + ref.substring("#/components/schemas/".length()));
    }

    @Test
    void events_and_tokens_are_stored_as_json_and_xstream_is_not_even_on_the_classpath() {
        post("/v2/users", """
                {"email": "serial-%s@example.com", "username": "serial-%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8') from eventstore.domain_event_entry",
                String.class)).allSatisfy(payload -> assertThat(payload).startsWith("{"));
        assertThat(jdbc.queryForList("""
                select convert_from(token, 'UTF8') from eventstore.token_entry
                where processor_name = 'calcom-projections'""", String.class))
                .singleElement().satisfies(token -> assertThat(token).startsWith("{").contains("\"index\""));
        assertThat(org.springframework.util.ClassUtils.isPresent("com.thoughtworks.xstream.XStream", null)).isFalse();
    }

    /** Every scheduling table gets rows, some of them changed after they were made. */
    private void schedulingOf(Member owner, String tag) {
        assertCreated(as(owner.key(), () -> post("/v2/schedules", """
                {"name": "Replayed hours", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Friday"], "startTime": "09:00", "endTime": "12:30"}],
                 "overrides": [{"date": "2094-11-02", "startTime": "10:00", "endTime": "11:00"}]}""")));
        int teamId = assertCreated(as(owner.key(), () -> post("/v2/teams", """
                {"name": "Replayed team", "slug": "replayed-team-%s"}""".formatted(tag))));
        int eventTypeId = assertCreated(as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Replayed", "slug": "replayed", "lengthInMinutes": 30, "schedulingType": "ROUND_ROBIN",
                 "hosts": [{"userId": %d, "mandatory": false, "priority": "high", "weight": 50}],
                 "customInputs": [{"label": "Why?", "type": "text", "required": true}]}""".formatted(owner.id()))));
        as(owner.key(), () -> patch("/v2/teams/" + teamId + "/event-types/" + eventTypeId, """
                {"description": "changed", "afterEventBuffer": 10}"""));
        assertCreated(as(owner.key(), () -> post("/v2/event-types/" + eventTypeId + "/private-links", """
                {"maxUsageCount": 3}""")));
        int reasonId = assertCreated(as(owner.key(), () -> post("/v2/me/ooo/reasons", """
                {"emoji": "🌴", "reason": "Sabbatical %s"}""".formatted(tag))));
        assertCreated(as(owner.key(), () -> post("/v2/me/ooo", """
                {"start": "2094-12-01T00:00:00Z", "end": "2094-12-05T00:00:00Z", "reasonId": %d}"""
                .formatted(reasonId))));
        as(owner.key(), () -> post("/v2/slots/reservations", """
                {"eventTypeId": %d, "slotStart": "2094-11-01T09:00:00Z"}""".formatted(eventTypeId)));
        workflowsOf(owner, teamId, eventTypeId);
        bookingsOf(owner, eventTypeId, tag);
    }

    /** Every workflow table gets rows: a team workflow whose steps were added, edited, reordered and removed. */
    private void workflowsOf(Member owner, int teamId, int teamEventTypeId) {
        Response made = as(owner.key(), () -> post("/v2/teams/" + teamId + "/workflows", """
                {"name": "Replayed reminder", "activation": {"isActiveOnAllEventTypes": false},
                 "trigger": {"type": "beforeEvent", "offset": {"value": 2, "unit": "hour"}},
                 "steps": [{"stepNumber": 1, "action": "email_attendee", "sender": "Cal",
                            "message": {"subject": "Soon", "html": ""}},
                           {"stepNumber": 2, "action": "email_host", "sender": "Cal", "message": {"subject": "", "html": ""}},
                           {"stepNumber": 3, "action": "sms_attendee", "sender": "Cal", "message": {"subject": "", "text": ""}}]}"""));
        int workflowId = assertCreated(made);
        List<Integer> steps = new java.util.ArrayList<>();
        made.data().get("steps").forEach(step -> steps.add(step.get("id").asInt()));
        String base = "/v2/workflows/" + workflowId;
        as(owner.key(), () -> patch(base + "/steps/" + steps.get(0), """
                {"action": "email_attendee", "template": "custom", "sender": "Cal", "message": {"subject": "Soon", "html": ""}}"""));
        as(owner.key(), () -> post(base + "/steps/reorder", "{\"stepIds\": [%d, %d, %d]}"
                .formatted(steps.get(2), steps.get(0), steps.get(1))));
        as(owner.key(), () -> delete(base + "/steps/" + steps.get(0)));
        assertCreated(as(owner.key(), () -> post(base + "/steps", """
                {"action": "whatsapp_number", "phone": "+4915112345678", "stepNumber": 1, "sender": "Cal",
                 "message": {"subject": "", "text": "Soon"}}""")));
        as(owner.key(), () -> put(base + "/activation", "{\"activeOnEventTypeIds\": [%d]}".formatted(teamEventTypeId)));
        as(owner.key(), () -> put("/v2/event-types/" + teamEventTypeId + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678", "enabled": true}"""));
    }

    /** An organization's workflow, active on one of its teams. */
    private void organizationWorkflowOf(Member owner, int orgId, int subTeamId) {
        int workflowId = assertCreated(as(owner.key(), () -> post("/v2/teams/" + orgId + "/workflows", """
                {"name": "Replayed org flow", "activation": {"isActiveOnAllEventTypes": false},
                 "trigger": {"type": "newEvent"}, "steps": [{"stepNumber": 1, "action": "email_host", "sender": "Cal",
                 "message": {"subject": "", "html": ""}}]}""")));
        Response activated = as(owner.key(), () -> put("/v2/workflows/" + workflowId + "/activation",
                "{\"activeOnTeamIds\": [%d]}".formatted(subTeamId)));
        assertThat(activated.status().value()).as(activated.body().toString()).isEqualTo(200);
    }

    /**
     * Every flag table gets rows, some changed after they were made; a team's grant removed again, and
     * one of a deleted team, gone by cascade, must stay gone.
     */
    private void featuresOf(Member owner, int orgId, int subTeamId, String tag) {
        String slug = "replayed-flag-" + tag;
        assertThat(post("/v2/admin/features", """
                {"slug": "%s", "description": "Replayed", "type": "EXPERIMENT"}""".formatted(slug)).status().value())
                .isEqualTo(201);
        patch("/v2/admin/features/" + slug, "{\"enabled\": true, \"stale\": true}");
        int doomed = assertCreated(as(owner.key(), () -> post("/v2/organizations/" + orgId + "/teams",
                "{\"name\": \"Doomed\", \"slug\": \"doomed\"}")));
        for (int teamId : List.of(orgId, subTeamId, doomed)) {
            assertThat(as(owner.key(), () -> put("/v2/teams/" + teamId + "/features/" + slug, "{\"enabled\": true}"))
                    .status().value()).isEqualTo(200);
        }
        as(owner.key(), () -> put("/v2/teams/" + subTeamId + "/features/" + slug, "{\"enabled\": false}"));
        as(owner.key(), () -> delete("/v2/teams/" + orgId + "/features/" + slug));
        assertThat(as(owner.key(), () -> delete("/v2/teams/" + doomed)).status().value()).isEqualTo(200);
        put("/v2/users/" + owner.id() + "/features/" + slug, "{\"enabled\": false}");
    }

    /** Every booking table gets rows: a booking with UTM, note and reference; seats; a reschedule; a cancellation. */
    private void bookingsOf(Member owner, int teamEventTypeId, String tag) {
        String booked = book(owner, teamEventTypeId, "2094-11-08T08:00:00Z", """
                , "tracking": {"utm_source": "replay", "utm_medium": "test"}""");
        assertCreated(as(owner.key(), () -> post("/v2/bookings/" + booked + "/notes", "{\"text\": \"VIP\"}")));
        assertCreated(as(owner.key(), () -> post("/v2/bookings/" + booked + "/references", """
                {"type": "daily_video", "uid": "room-1", "meetingUrl": "https://meet.example.com/room-1"}""")));
        int seated = assertCreated(as(owner.key(), () -> post("/v2/event-types", """
                {"title": "Workshop", "slug": "workshop-%s", "lengthInMinutes": 60, "seats": {"seatsPerTimeSlot": 3, "showAttendeeInfo": false, "showAvailabilityCount": true}}"""
                .formatted(tag))));
        book(owner, seated, "2094-11-12T08:00:00Z", "");
        JsonNode second = as(owner.key(), () -> post("/v2/bookings", bookingBody(seated, "2094-11-12T08:00:00Z",
                "second-seat@example.com", ""))).data();
        as(owner.key(), () -> post("/v2/bookings/" + second.get("uid").asText() + "/cancel", """
                {"seatUid": "%s"}""".formatted(second.get("seatUid").asText())));
        String moved = book(owner, teamEventTypeId, "2094-11-08T10:00:00Z", "");
        JsonNode replacement = as(owner.key(), () -> post("/v2/bookings/" + moved + "/reschedule", """
                {"start": "2094-11-12T10:00:00Z"}""")).data();
        as(owner.key(), () -> post("/v2/bookings/" + replacement.get("uid").asText() + "/cancel", "{}"));
    }

    private String book(Member booker, int eventTypeId, String start, String extra) {
        Response booked = as(booker.key(), () -> post("/v2/bookings",
                bookingBody(eventTypeId, start, "replay-booker@example.com", extra)));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        return booked.data().get("uid").asText();
    }

    private static String bookingBody(int eventTypeId, String start, String email, String extra) {
        return """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Replay Booker", "email": "%s", "timeZone": "Europe/Berlin"}%s}"""
                .formatted(start, eventTypeId, email, extra);
    }

    private static int assertCreated(Response response) {
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(201);
        return response.data().get("id").asInt();
    }

    @Test
    void replaying_over_http_rebuilds_every_table_identically() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            int userId = post("/v2/users", """
                    {"email": "replay-%d-%s@example.com", "username": "replay-%d-%s"}""".formatted(i, tag, i, tag))
                    .data().get("id").asInt();
            patch("/v2/users/" + userId, "{\"bio\": \"bio %d\"}".formatted(i));
        }
        Member owner = newMember("replayer", "example.com");
        int orgId = as(ADMIN_KEY, () -> post("/v2/organizations", """
                {"name": "Replayed", "slug": "replayed-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "example.com"}}""".formatted(tag, owner.email())))
                .data().get("id").asInt();
        int subTeamId = assertCreated(as(owner.key(), () -> post("/v2/organizations/" + orgId + "/teams",
                "{\"name\": \"Sub\", \"slug\": \"sub\"}")));
        organizationWorkflowOf(owner, orgId, subTeamId);
        featuresOf(owner, orgId, subTeamId, tag);
        as(owner.key(), () -> put("/v2/me/password", "{\"password\": \"replayed secret\"}"));
        as(owner.key(), () -> post("/v2/users/" + owner.id() + "/sessions", null));
        schedulingOf(owner, tag);
        awaitProjectionsCaughtUp();
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String table : REBUILT) {
            before.put(table, rowsOf(table));
        }
        for (String table : List.of("Workflow", "WorkflowStep", "WorkflowsOnEventTypes", "WorkflowsOnTeams",
                "AIPhoneCallConfiguration", "Feature", "TeamFeatures", "UserFeatures")) {
            assertThat(before.get(table)).as(table + " has rows to rebuild").isNotEmpty();
        }

        Response replay = post("/v2/admin/projections/replay", null);

        assertThat(replay.status().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("users") == before.get("users").size());
        awaitProjectionsCaughtUp();
        for (String table : REBUILT) {
            assertThat(rowsOf(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
    }
}
