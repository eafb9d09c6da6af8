package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile input meets the edge, whatever the endpoint: text PostgreSQL cannot store, JSON that
 * says a thing twice or in the wrong type, passwords bcrypt cannot hash, URLs and headers Tomcat or
 * the firewall refuse. Each is a 4xx problem detail, naming the field where there is one, and
 * nothing is stored.
 */
class HostileInputApiTest extends ApiTest {

    /** A NUL and a lone surrogate as JSON escapes: the Java compiler must not read them itself. */
    private static final String NUL = "\\u0000";
    private static final String LONE_SURROGATE = "\\ud800";
    /** 20 emoji: 40 UTF-16 units, 80 bytes in UTF-8, more than bcrypt's 72. */
    private static final String EMOJI_PASSWORD = "\uD83D\uDE00".repeat(20);

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** A problem detail naming {@code field}, with nothing stored. */
    private void assertRefused(Response response, long eventsBefore, String field) {
        assertProblem(response, 400);
        assertThat(response.body().get("errors")).as(response.body().toString())
                .extracting(e -> e.get("field").asText()).contains(field);
        awaitProjectionsCaughtUp();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().toString()).doesNotContain("Exception", "at com.", "at org.");
    }

    @Test
    void a_nul_in_a_workflow_name_is_refused_naming_it() {
        long before = storedEvents();

        assertRefused(post("/v2/workflows", """
                {"name": "dup%s", "activation": {}, "trigger": {"type": "newEvent"}, "steps": []}""".formatted(NUL)),
                before, "name");
        assertRefused(post("/v2/workflows", """
                {"name": "Remind", "activation": {}, "trigger": {"type": "newEvent"},
                 "steps": [{"stepNumber": 1, "action": "email_host", "sender": "Cal",
                            "message": {"subject": "Soon", "html": "Hi %s"}}]}""".formatted(NUL)),
                before, "steps[0].message.html");
    }

    @Test
    void a_nul_in_a_webhook_payload_template_or_secret_is_refused() {
        Response created = post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/hook-%s", "triggers": ["BOOKING_CREATED"]}""".formatted(tag));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        String webhook = "/v2/webhooks/" + created.data().get("id").asText();
        long before = storedEvents();

        assertRefused(patch(webhook, "{\"payloadTemplate\": \"a%sb\"}".formatted(NUL)), before, "payloadTemplate");
        assertRefused(patch(webhook, "{\"secret\": \"%s\"}".formatted(NUL)), before, "secret");
    }

    @Test
    void user_names_with_a_nul_or_a_lone_surrogate_are_refused_where_they_gave_a_500() {
        long users = rows("users");
        long before = storedEvents();

        assertRefused(post("/v2/users", """
                {"email": "nul-%s@example.com", "username": "nul-%s", "name": "Ann%s"}""".formatted(tag, tag, NUL)),
                before, "name");
        assertRefused(post("/v2/users", """
                {"email": "sur-%s@example.com", "username": "sur-%s", "name": "Ann%s"}"""
                .formatted(tag, tag, LONE_SURROGATE)), before, "name");
        assertThat(rows("users")).isEqualTo(users);
    }

    @Test
    void text_that_cannot_be_stored_is_refused_at_any_depth_of_free_form_metadata() {
        Member member = newMember("meta", "example.com");
        long before = storedEvents();

        assertRefused(patch("/v2/users/" + member.id(), """
                {"metadata": {"notes": ["fine", {"deep": "x%s"}]}}""".formatted(NUL)),
                before, "metadata.notes[1].deep");
        assertRefused(patch("/v2/users/" + member.id(), """
                {"metadata": {"pl%san": "pro"}}""".formatted(NUL)), before, "metadata");
        assertRefused(as(member.key(), () -> patch("/v2/me", "{\"bio\": \"%s\"}".formatted(NUL))), before, "bio");
    }

    @Test
    void a_nul_in_event_type_titles_team_names_booking_notes_and_out_of_office_reasons_is_refused() {
        Member member = newMember("texts", "example.com");
        long eventTypes = rows("EventType");
        long bookings = rows("Booking");
        long before = storedEvents();

        assertRefused(as(member.key(), () -> post("/v2/event-types", """
                {"title": "Intro%s", "slug": "intro-%s", "lengthInMinutes": 30}""".formatted(NUL, tag))),
                before, "title");
        assertRefused(post("/v2/teams", "{\"name\": \"Team%s\", \"slug\": \"team-%s\"}".formatted(NUL, tag)),
                before, "name");
        assertRefused(post("/v2/bookings", """
                {"start": "2094-11-03T10:00:00Z", "eventTypeId": 1,
                 "attendee": {"name": "Ada", "email": "ada-%s@example.com", "timeZone": "Europe/Berlin"},
                 "bookingFieldsResponses": {"notes": "See you%s"}}""".formatted(tag, NUL)),
                before, "bookingFieldsResponses.notes");
        assertRefused(as(member.key(), () -> post("/v2/me/ooo", """
                {"start": "2094-11-01T00:00:00Z", "end": "2094-11-02T00:00:00Z", "notes": "Away%s"}"""
                .formatted(NUL))), before, "notes");
        assertRefused(as(member.key(), () -> post("/v2/me/ooo/reasons", """
                {"emoji": "x", "reason": "Away%s"}""".formatted(NUL))), before, "reason");
        assertThat(rows("EventType")).isEqualTo(eventTypes);
        assertThat(rows("Booking")).isEqualTo(bookings);
    }

    @Test
    void time_off_naming_a_reason_or_a_user_that_does_not_exist_is_refused_and_leaves_no_dead_letter() {
        Member member = newMember("away", "example.com");
        int entryId = as(member.key(), () -> post("/v2/me/ooo", """
                {"start": "2094-11-01T00:00:00Z", "end": "2094-11-02T00:00:00Z"}""")).data().get("id").asInt();
        awaitProjectionsCaughtUp();
        long before = storedEvents();

        for (Response refused : List.of(
                as(member.key(), () -> patch("/v2/me/ooo/" + entryId, "{\"reasonId\": 987654}")),
                as(member.key(), () -> patch("/v2/me/ooo/" + entryId, "{\"toUserId\": 987654}")),
                as(member.key(), () -> post("/v2/me/ooo", """
                        {"start": "2094-12-01T00:00:00Z", "end": "2094-12-02T00:00:00Z", "reasonId": 987654}""")))) {
            assertProblem(refused, 422);
        }
        awaitProjectionsCaughtUp();
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(get("/v2/admin/dead-letters").data()).as("dead letters")
                .noneMatch(letter -> letter.get("firstEventType").asText().contains("OutOfOffice"));
    }

    @Test
    void a_control_character_in_a_header_is_refused() throws Exception {
        long before = storedEvents();

        Response response = socketWithBody("POST /v2/bookings HTTP/1.1", """
                {"start": "2094-11-03T10:00:00Z", "eventTypeId": 1,
                 "attendee": {"name": "Ada", "email": "ada@example.com", "timeZone": "Europe/Berlin"}}""",
                "Content-Type: application/json", "Idempotency-Key: a\0b");
        Response control = socketWithBody("POST /v2/bookings HTTP/1.1", """
                {"start": "2094-11-03T10:00:00Z", "eventTypeId": 1,
                 "attendee": {"name": "Ada", "email": "ada@example.com", "timeZone": "Europe/Berlin"}}""",
                "Content-Type: application/json", "Idempotency-Key: a\u0085b");

        assertProblem(response, 400);
        assertProblem(control, 400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void free_form_metadata_keeps_its_nulls() {
        Member member = newMember("nulls", "example.com");

        Response patched = patch("/v2/users/" + member.id(), """
                {"metadata": {"plan": null, "seats": [null, 2]}}""");

        assertThat(patched.status().value()).as(patched.body().toString()).isEqualTo(200);
    }

    @Test
    void a_property_given_twice_is_refused_where_it_gave_a_500() {
        Member member = newMember("twice", "example.com");
        long before = storedEvents();

        assertRefused(put("/v2/users/" + member.id() + "/role", """
                {"role": "USER", "role": "x"}"""), before, "role");
    }

    @Test
    void values_are_not_converted_between_types() {
        long before = storedEvents();

        assertRefused(post("/v2/workflows", """
                {"name": "Half", "trigger": {"type": "beforeEvent", "offset": {"value": 1.5, "unit": "hour"}}}"""),
                before, "trigger.offset.value");
        assertRefused(post("/v2/workflows", """
                {"name": "Text", "trigger": {"type": "beforeEvent", "offset": {"value": "24", "unit": "hour"}}}"""),
                before, "trigger.offset.value");
        assertRefused(post("/v2/workflows", """
                {"name": 5, "trigger": {"type": "newEvent"}}"""), before, "name");
        assertRefused(post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/two", "triggers": ["BOOKING_CREATED"], "active": 2}"""),
                before, "active");
        assertRefused(post("/v2/workflows", """
                {"name": "Ordinal", "trigger": {"type": 1}}"""), before, "trigger.type");
    }

    @Test
    void a_null_in_a_list_is_refused_where_it_gave_a_500() {
        long before = storedEvents();

        assertRefused(post("/v2/bookings/no-such-booking/mark-absent", "{\"attendees\": [null]}"),
                before, "attendees[0]");
        assertRefused(post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/n", "triggers": ["BOOKING_CREATED", null]}"""),
                before, "triggers[1]");
    }

    @Test
    void passwords_over_72_bytes_are_refused_before_hashing() {
        Member member = newMember("emoji", "example.com");
        long before = storedEvents();

        assertRefused(as(member.key(), () -> put("/v2/me/password",
                "{\"password\": \"%s\"}".formatted(EMOJI_PASSWORD))), before, "password");
        assertRefused(put("/v2/users/" + member.id() + "/password",
                "{\"password\": \"%s\"}".formatted(EMOJI_PASSWORD)), before, "password");
        assertRefused(as(member.key(), () -> put("/v2/me/password", """
                {"password": "a good new one", "currentPassword": "%s"}""".formatted(EMOJI_PASSWORD))),
                before, "currentPassword");

        String resetId = post("/v2/users/" + member.id() + "/password-reset-requests", null).data().get("id").asText();
        long afterReset = storedEvents();
        assertRefused(post("/v2/users/" + member.id() + "/password-reset-requests/" + resetId + "/complete",
                "{\"password\": \"%s\"}".formatted(EMOJI_PASSWORD)), afterReset, "password");
        assertThat(jdbc.queryForObject("select count(*) from \"UserPassword\" where \"userId\" = ?", Long.class,
                member.id())).isZero();
    }

    @Test
    void a_nul_in_a_query_parameter_is_refused_naming_it() throws Exception {
        Response response = raw("GET", "/v2/users?email=ann%00@example.com");

        assertProblem(response, 400);
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("email");
    }

    @Test
    void urls_tomcat_refuses_are_problem_details() throws Exception {
        assertProblem(socket("GET /v2/users/%00 HTTP/1.1"), 400);
        assertProblem(socket("GET /v2/%2e%2e%2fadmin/projections HTTP/1.1"), 400);
    }

    @Test
    void a_header_too_large_is_a_problem_detail() throws Exception {
        Response response = socket("POST /v2/bookings HTTP/1.1", "Idempotency-Key: " + "k".repeat(10_000));

        assertThat(response.status().is4xxClientError()).as(String.valueOf(response.body())).isTrue();
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void urls_the_firewall_refuses_are_problem_details() throws Exception {
        assertProblem(socket("GET /v2/../v2/me HTTP/1.1"), 400);
        assertProblem(socket("GET /v2/users/1;x=y HTTP/1.1"), 400);
    }

    @Test
    void every_other_error_is_a_problem_detail_too() throws Exception {
        assertProblem(get("/error"), 404);
        assertProblem(as(null, () -> get("/v2/me")), 401);
        Member member = newMember("plain", "example.com");
        assertProblem(as(member.key(), () -> get("/v2/admin/projections")), 403);
        assertProblem(socket("TRACE /v2/me HTTP/1.1"), 405);
        assertProblem(socket("GET /v2/nothing-here HTTP/1.1", "Accept: text/html"), 404);
        assertProblem(call(org.springframework.http.HttpMethod.DELETE, "/v2/me/password", null), 405);
    }

    /** A request java.net.http sends as written, for URLs RestClient would encode once more. */
    private Response raw(String method, String pathAndQuery) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Response(org.springframework.http.HttpStatusCode.valueOf(response.statusCode()),
                response.headers().firstValue("Content-Type").orElse(null), null, json.readTree(response.body()));
    }

    /** Bytes on a socket, for what no HTTP client sends: raw {@code ..}, encoded NUL in a path, huge headers. */
    private Response socket(String requestLine, String... headers) throws IOException {
        return socketWithBody(requestLine, "", headers);
    }

    private Response socketWithBody(String requestLine, String body, String... headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n")
                    .append("Authorization: Bearer ").append(ADMIN_KEY).append("\r\n")
                    .append("Connection: close\r\nContent-Length: ").append(content.length).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return parse(answer.toString(StandardCharsets.UTF_8));
        }
    }

    private Response parse(String answer) throws IOException {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String body = answer.substring(head.length() + 4);
        int status = Integer.parseInt(head.split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        if (chunked) {
            body = unchunked(body);
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + contentType + "): " + answer);
        }
        return new Response(org.springframework.http.HttpStatusCode.valueOf(status), contentType, null, parsed);
    }

    private static String unchunked(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
