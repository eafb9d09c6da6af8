package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.calcomalt.allinone.FuzzMutations.Draft;
import com.calcomalt.allinone.FuzzMutations.Mutation;
import com.calcomalt.allinone.OpenApiOperations.Operation;
import com.calcomalt.allinone.OpenApiOperations.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes every operation of the OpenAPI document the application serves. For each one it builds a
 * valid request (a body from the schema, path ids of resources made here), then spoils it one
 * field, segment or parameter at a time, and checks: no 5xx; every 4xx is a parseable problem
 * detail; a refused request stores nothing (neither events nor command-side lookup rows).
 *
 * <p>Bounded and reproducible: each operation gets {@code calalt.fuzz.tries} mutations (default
 * 16), drawn with the seed {@code calalt.fuzz.seed} (default 19) so that every field and every
 * kind of mutation comes up before any repeats. Run longer with, e.g., {@code
 * -Dcalalt.fuzz.tries=1000} (every mutation of every operation) or another seed. Each operation is
 * one dynamic test that lists all its failures; the whole list is also written to
 * {@code target/api-fuzz-report.txt}.
 */
// Last of the module: it may leave the shared database with an event a processor cannot handle.
@Order(Integer.MAX_VALUE)
class ApiFuzzTest extends ApiTest {

    private static final long SEED = Long.getLong("calalt.fuzz.seed", 19L);
    private static final int TRIES = Integer.getInteger("calalt.fuzz.tries", 16);
    /** Mutations left out, as comma-separated parts of "operation target <- kind", e.g. to pass a known failure. */
    private static final List<String> SKIP = java.util.Arrays.stream(System.getProperty("calalt.fuzz.skip", "")
            .split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    /** Goes on after a processor fails, every accepted command then taking seconds: a longer, complete survey. */
    private static final boolean KEEP_GOING = Boolean.getBoolean("calalt.fuzz.keep-going");
    private static final Path REPORT = Path.of("target", "api-fuzz-report.txt");

    /** Only a system administrator may call these; every other operation is called by the owner of the resources. */
    private static final Set<String> ADMIN_ONLY = Set.of("POST /v2/users", "GET /v2/users",
            "PUT /v2/users/{userId}/role", "POST /v2/users/{userId}/lock", "POST /v2/users/{userId}/unlock",
            "POST /v2/users/{userId}/impersonations", "PUT /v2/users/{userId}/features/{slug}",
            "DELETE /v2/users/{userId}/features/{slug}", "PUT /v2/teams/{teamId}/billing",
            "PATCH /v2/teams/{teamId}/billing/status");
    /**
     * A rebuild or verify of the projections stops their processor for its switch, which would slow
     * every command of the run waiting to read its write: only their spoiled requests are sent.
     */
    private static final Set<String> NOT_SENT_VALID = Set.of("POST /v2/admin/projections/replay",
            "POST /v2/admin/projections/verify");

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger unique = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> baselines = new TreeMap<>();
    private final Map<String, Integer> accepted = new TreeMap<>();

    private FuzzMutations mutations;
    private OpenApiOperations document;
    private String snapshotSql;
    /** Something may have been stored since the processors were last seen caught up. */
    private boolean unsettled = true;
    /** The last request that was accepted: the one to blame when a processor then fails. */
    private String lastAccepted = "making the resources";
    /** Processors seen failing: they are not waited for any more. */
    private final Set<String> failedProcessors = new java.util.HashSet<>();
    /**
     * Why the rest of the run is skipped: once a processor fails, every accepted command waits
     * for it (read-your-writes) and the run would no longer be bounded.
     */
    private String blocked;
    private String lastBody;

    private Member owner;
    private long headBeforeFuzz;
    private Member victim;
    private Member mate;
    /** The ids a path parameter takes, by name; {@link #pathValue} knows the exceptions. */
    private final Map<String, String> ids = new HashMap<>();

    record Failure(String operation, String mutation, int status, String problem, String body) {
        String category() {
            return operation + " | " + kind(mutation) + " | " + status + " " + problem;
        }
    }

    @TestFactory
    Stream<DynamicTest> every_operation_survives_spoiled_input_with_problem_details_and_stores_nothing() throws Exception {
        JsonNode apiDocs = json.readTree(http.get().uri("/v3/api-docs").retrieve().body(String.class));
        document = new OpenApiOperations(apiDocs, unique::incrementAndGet);
        mutations = new FuzzMutations(json);
        snapshotSql = snapshotSql();
        headBeforeFuzz = jdbc.queryForObject(
                "select coalesce(max(global_index), -1) from eventstore.domain_event_entry", Long.class);
        makeResources();
        List<Operation> operations = new ArrayList<>(document.operations());
        // Deletions last, the most nested first, so that what other operations need still exists.
        operations.sort(Comparator.comparing((Operation o) -> o.method().equals("DELETE"))
                .thenComparing(o -> o.method().equals("DELETE") ? -o.path().split("/").length : 0)
                .thenComparing(Operation::key));
        Instant started = Instant.now();
        return Stream.concat(
                operations.stream().map(op -> DynamicTest.dynamicTest(op.key(), () -> fuzz(op))),
                Stream.of(DynamicTest.dynamicTest("report", () -> report(operations.size(), started)),
                        DynamicTest.dynamicTest("no accepted request left an event the read side cannot handle",
                                this::noDeadLetters)));
    }

    /**
     * An accepted request whose event a projector refuses is a rule the command side forgot. Only
     * events stored since the fuzz began count: a replay it sends dead-letters again what earlier
     * tests stored on purpose.
     */
    private void noDeadLetters() {
        awaitProjectionsCaughtUp();
        List<String> fromTheFuzz = new ArrayList<>();
        for (JsonNode letter : as(ADMIN_KEY, () -> get("/v2/admin/dead-letters")).data()) {
            Long position = jdbc.queryForObject(
                    "select max(global_index) from eventstore.domain_event_entry where event_identifier = ?",
                    Long.class, letter.get("firstEventIdentifier").asText());
            if (position != null && position > headBeforeFuzz) {
                fromTheFuzz.add(letter.toString());
            }
        }
        assertThat(fromTheFuzz).as("dead letters of events the fuzz's requests stored").isEmpty();
    }

    // --- the resources every path id points at ---------------------------------------------

    private void makeResources() {
        owner = newMember("fuzz-owner", "example.com");
        victim = newMember("fuzz-victim", "example.com");
        mate = newMember("fuzz-mate", "example.com");
        ids.put("userId", String.valueOf(owner.id()));
        ids.put("scheduleId", created(ownerPost("/v2/schedules", """
                {"name": "Always", "timeZone": "UTC", "availability": [{"days": ["Monday", "Tuesday", "Wednesday",
                  "Thursday", "Friday", "Saturday", "Sunday"], "startTime": "00:00", "endTime": "23:59"}]}""")));
        // The first schedule is the owner's default, which the bookings need whole: the fuzzed ones change another.
        ids.put("spareSchedule", created(ownerPost("/v2/schedules", """
                {"name": "Spare", "timeZone": "UTC", "availability": [{"days": ["Monday"], "startTime": "09:00", "endTime": "10:00"}]}""")));
        ids.put("eventTypeId", created(ownerPost("/v2/event-types", """
                {"title": "Fuzz", "slug": "fuzz-%s", "lengthInMinutes": 30}""".formatted(tag))));
        ids.put("confirmed", created(ownerPost("/v2/event-types", """
                {"title": "Confirmed", "slug": "confirmed-%s", "lengthInMinutes": 30, "confirmationPolicy": {"type": "always", "blockUnconfirmedBookingsInBooker": false}}"""
                .formatted(tag))));
        ids.put("seated", created(ownerPost("/v2/event-types", """
                {"title": "Seated", "slug": "seated-%s", "lengthInMinutes": 30, "seats": {"seatsPerTimeSlot": 50, "showAttendeeInfo": false, "showAvailabilityCount": true}}"""
                .formatted(tag))));
        ids.put("teamId", created(ownerPost("/v2/teams", """
                {"name": "Fuzz team", "slug": "fuzz-team-%s"}""".formatted(tag))));
        // Billed without seat billing on: its status can change, and no seat limits the fuzz's invitations.
        put("/v2/teams/" + ids.get("teamId") + "/billing", """
                {"planName": "TEAM", "status": "ACTIVE", "paidSeats": 50, "subscriptionId": "sub_fuzz_%s"}"""
                .formatted(tag));
        ids.put("membershipId", created(ownerPost("/v2/teams/" + ids.get("teamId") + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(mate.id()))));
        ids.put("teamEventType", created(ownerPost("/v2/teams/" + ids.get("teamId") + "/event-types", """
                {"title": "Team", "slug": "team", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE"}""")));
        ids.put("managed", created(ownerPost("/v2/teams/" + ids.get("teamId") + "/event-types", """
                {"title": "Managed", "slug": "managed", "lengthInMinutes": 30, "schedulingType": "MANAGED"}""")));
        ids.put("orgId", created(post("/v2/organizations", """
                {"name": "Fuzz org", "slug": "fuzz-org-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "example.com"}}"""
                .formatted(tag, owner.email()))));
        ids.put("subTeam", created(ownerPost("/v2/organizations/" + ids.get("orgId") + "/teams", """
                {"name": "Sub", "slug": "sub"}""")));
        ids.put("orgMembership", created(ownerPost("/v2/organizations/" + ids.get("orgId") + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(mate.id()))));
        ids.put("credentialId", created(ownerPost("/v2/organizations/" + ids.get("orgId") + "/delegation-credentials",
                delegationCredential())));
        Response workflow = ownerPost("/v2/workflows", """
                {"name": "Fuzz flow", "activation": {"isActiveOnAllEventTypes": false}, "trigger": {"type": "newEvent"},
                 "steps": [{"stepNumber": 1, "action": "email_host", "sender": "Cal", "message": {"subject": "", "html": ""}},
                           {"stepNumber": 2, "action": "email_attendee", "sender": "Cal", "message": {"subject": "", "html": ""}},
                           {"stepNumber": 3, "action": "email_host", "sender": "Cal", "message": {"subject": "", "html": ""}}]}""");
        ids.put("workflowId", created(workflow));
        ids.put("stepId", workflow.data().get("steps").get(0).get("id").asText());
        ids.put("webhookId", created(ownerPost("/v2/webhooks", """
                {"subscriberUrl": "http://127.0.0.1:9/fuzz", "triggers": ["MEETING_ENDED"]}""")));
        ids.put("keyId", created(ownerPost("/v2/api-keys", "{\"note\": \"to delete\"}")));
        int reason = Integer.parseInt(created(ownerPost("/v2/me/ooo/reasons", """
                {"emoji": "x", "reason": "Fuzz %s"}""".formatted(tag))));
        ids.put("reasonId", String.valueOf(reason));
        ids.put("entryId", created(ownerPost("/v2/me/ooo", """
                {"start": "2084-12-01T00:00:00Z", "end": "2084-12-05T00:00:00Z", "reasonId": %d}""".formatted(reason))));
        ids.put("linkId", created(ownerPost("/v2/event-types/" + ids.get("eventTypeId") + "/private-links",
                "{\"maxUsageCount\": 3}")));
        ids.put("uid", book(ids.get("eventTypeId")));
        ids.put("seatedUid", book(ids.get("seated")));
        ids.put("referenceId", created(ownerPost("/v2/bookings/" + ids.get("uid") + "/references", """
                {"type": "daily_video", "uid": "room-1", "meetingUrl": "https://meet.example.com/room-1"}""")));
        ids.put("reservation", ownerPost("/v2/slots/reservations", """
                {"eventTypeId": %s, "slotStart": "%s"}""".formatted(ids.get("eventTypeId"), nextSlot()))
                .data().get("reservationUid").asText());
        String user = "/v2/users/" + owner.id();
        ids.put("sessionId", ownerPost(user + "/sessions", null).data().get("id").asText());
        ids.put("accessTokenId", ownerPost(user + "/oauth-tokens", "{\"platformOAuthClientId\": \"fuzz\"}")
                .data().get("accessTokenId").asText());
        ids.put("accountId", created(ownerPost(user + "/accounts", """
                {"type": "oauth", "provider": "google", "providerAccountId": "fuzz-%s"}""".formatted(tag))));
        ids.put("requestId", ownerPost(user + "/password-reset-requests", null).data().get("id").asText());
        ownerPut("/v2/event-types/" + ids.get("eventTypeId") + "/ai-phone-call-configuration", """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678", "enabled": true}""");
        ids.put("uuid", UUID.randomUUID().toString());
        // Off for everyone, so that what the fuzz grants to its team changes no other test's bookings.
        ids.put("slug", post("/v2/admin/features", """
                {"slug": "fuzz-flag-%s", "enabled": false, "type": "KILL_SWITCH"}""".formatted(tag))
                .data().get("slug").asText());
    }

    private Response ownerPost(String path, String body) {
        return as(owner.key(), () -> post(path, body));
    }

    private Response ownerPut(String path, String body) {
        return as(owner.key(), () -> put(path, body));
    }

    private static String created(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isBetween(200, 201);
        return response.data().get("id").asText();
    }

    /** Each booking gets its own hour, so that none of them meets another even with buffers around it. */
    private String nextSlot() {
        return Instant.parse("2084-01-03T00:00:00Z").plus(Duration.ofHours(unique.incrementAndGet())).toString();
    }

    private String book(String eventTypeId) {
        Response booked = ownerPost("/v2/bookings", """
                {"start": "%s", "eventTypeId": %s,
                 "attendee": {"name": "Ada", "email": "ada-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(nextSlot(), eventTypeId, tag));
        assertThat(booked.status().value()).as(String.valueOf(booked.body())).isEqualTo(201);
        unsettled = true;
        return booked.data().get("uid").asText();
    }

    /** The id a path parameter takes in an operation. */
    private String pathValue(Operation op, String name) {
        String path = op.path();
        return switch (name) {
            case "teamId" -> path.startsWith("/v2/organizations/{orgId}/teams") ? ids.get("subTeam")
                    : path.startsWith("/v2/organizations") ? ids.get("orgId") : ids.get("teamId");
            case "scheduleId" -> ids.get("spareSchedule");
            case "membershipId" -> path.startsWith("/v2/organizations") ? ids.get("orgMembership") : ids.get("membershipId");
            case "eventTypeId" -> path.endsWith("/assign") ? ids.get("managed")
                    : path.startsWith("/v2/teams") ? ids.get("teamEventType") : ids.get("eventTypeId");
            case "userId" -> ADMIN_ONLY.contains(op.key()) ? String.valueOf(victim.id()) : ids.get("userId");
            case "uid" -> path.startsWith("/v2/slots") ? ids.get("reservation")
                    : path.endsWith("/seats") ? ids.get("seatedUid") : ids.get("uid");
            // No dead letter is held when the fuzz runs: evicting one answers 404 after the checks.
            case "processingGroup" -> "calcom.users";
            case "calendar" -> "caldav";
            case "sequenceIdentifier" -> "user:0";
            default -> Objects.requireNonNull(ids.get(name), () -> "No id for the path parameter " + name);
        };
    }

    /** Operations that use up their booking get a new one for each request, so that each request can reach the rules. */
    private String consumedBooking(Operation op) {
        return switch (op.key()) {
            case "POST /v2/bookings/{uid}/cancel", "POST /v2/bookings/{uid}/reschedule" -> book(ids.get("eventTypeId"));
            case "POST /v2/bookings/{uid}/confirm", "POST /v2/bookings/{uid}/decline" -> book(ids.get("confirmed"));
            default -> null;
        };
    }

    // --- valid requests -----------------------------------------------------------------------

    /** Bodies the schema cannot give: shapes the document leaves open, and values that must name real things. */
    private Map<String, Supplier<String>> validBodies() {
        Map<String, Supplier<String>> bodies = new HashMap<>();
        Supplier<String> eventType = () -> """
                {"title": "Fuzzed", "slug": "fuzzed-%d", "lengthInMinutes": 30, "description": "d", "hidden": false,
                 "minimumBookingNotice": 120, "locations": [{"type": "address", "address": "Berlin"}],
                 "metadata": {"note": "fuzz"}}""".formatted(unique.incrementAndGet());
        bodies.put("POST /v2/event-types", eventType);
        bodies.put("POST /v2/teams/{teamId}/event-types", () -> eventType.get()
                .replace("\"hidden\"", "\"schedulingType\": \"COLLECTIVE\", \"hidden\""));
        bodies.put("PATCH /v2/event-types/{eventTypeId}", () -> """
                {"title": "Fuzz", "description": "d", "lengthInMinutes": 30, "hidden": false, "afterEventBuffer": 5,
                 "metadata": {"note": "fuzz"}}""");
        bodies.put("PATCH /v2/teams/{teamId}/event-types/{eventTypeId}", () -> """
                {"title": "Team", "description": "d", "afterEventBuffer": 5}""");
        String schedule = """
                {"name": "Fuzz hours", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Friday"], "startTime": "09:00", "endTime": "12:30"}],
                 "overrides": [{"date": "2084-11-02", "startTime": "10:00", "endTime": "11:00"}], "isDefault": false}""";
        bodies.put("POST /v2/schedules", () -> schedule);
        bodies.put("POST /v2/admin/features", () -> """
                {"slug": "fuzzed-flag-%d-%s", "enabled": false, "description": "d", "type": "RELEASE"}"""
                .formatted(unique.incrementAndGet(), tag));
        bodies.put("PATCH /v2/admin/features/{slug}", () -> """
                {"enabled": false, "description": "d", "stale": true}""");
        bodies.put("PUT /v2/teams/{teamId}/features/{slug}", () -> "{\"enabled\": true}");
        bodies.put("PUT /v2/users/{userId}/features/{slug}", () -> "{\"enabled\": true}");
        bodies.put("PUT /v2/teams/{teamId}/billing", () -> """
                {"planName": "TEAM", "status": "ACTIVE", "billingPeriod": "MONTHLY", "pricePerSeat": 1500,
                 "paidSeats": 50, "subscriptionId": "sub_fuzz_%s", "subscriptionStart": "2083-01-01T00:00:00Z"}"""
                .formatted(tag));
        bodies.put("PATCH /v2/teams/{teamId}/billing/status", () -> "{\"status\": \"ACTIVE\"}");
        bodies.put("PATCH /v2/schedules/{scheduleId}", () -> schedule);
        bodies.put("POST /v2/me/ooo", () -> """
                {"start": "2085-01-01T00:00:00Z", "end": "2085-01-02T00:00:00Z", "reasonId": %s, "toUserId": %d,
                 "notes": "away", "showNotePublicly": false}""".formatted(ids.get("reasonId"), mate.id()));
        bodies.put("PATCH /v2/me/ooo/{entryId}", () -> """
                {"start": "2084-12-01T00:00:00Z", "end": "2084-12-06T00:00:00Z", "reasonId": %s, "notes": "away",
                 "showNotePublicly": true}""".formatted(ids.get("reasonId")));
        bodies.put("POST /v2/api-keys", () -> "{\"note\": \"fuzz\", \"expiresAt\": \"2085-01-01T00:00:00Z\"}");
        bodies.put("PATCH /v2/teams/{teamId}/memberships/{membershipId}", () -> "{\"role\": \"ADMIN\"}");
        bodies.put("PATCH /v2/organizations/{teamId}/memberships/{membershipId}", () -> "{\"role\": \"ADMIN\"}");
        bodies.put("POST /v2/teams/{teamId}/memberships", () -> "{\"userId\": %d, \"role\": \"MEMBER\"}"
                .formatted(victim.id()));
        bodies.put("POST /v2/organizations/{teamId}/memberships", () -> "{\"userId\": %d, \"role\": \"MEMBER\"}"
                .formatted(victim.id()));
        bodies.put("POST /v2/bookings", () -> """
                {"start": "%s", "eventTypeId": %s, "lengthInMinutes": 30,
                 "attendee": {"name": "Bo", "email": "bo@example.com", "timeZone": "Europe/Berlin", "language": "en",
                              "phoneNumber": "+4915112345678"},
                 "guests": ["guest@example.com"], "location": "Office", "metadata": {"note": "fuzz"},
                 "tracking": {"utm_source": "fuzz"}}""".formatted(nextSlot(), ids.get("eventTypeId")));
        bodies.put("POST /v2/bookings/{uid}/seats", () -> """
                {"attendee": {"name": "Cy", "email": "cy-%d@example.com", "timeZone": "UTC"}, "metadata": {"a": "b"}}"""
                .formatted(unique.incrementAndGet()));
        bodies.put("POST /v2/bookings/{uid}/reschedule", () -> """
                {"start": "%s", "reschedulingReason": "moved"}""".formatted(nextSlot()));
        bodies.put("POST /v2/bookings/{uid}/cancel", () -> "{\"cancellationReason\": \"ill\"}");
        bodies.put("POST /v2/bookings/{uid}/references", () -> """
                {"type": "daily_video", "uid": "room-2", "meetingId": "m", "meetingPassword": "p",
                 "meetingUrl": "https://meet.example.com/room-2", "externalCalendarId": "c",
                 "thirdPartyRecurringEventId": "r"}""");
        bodies.put("POST /v2/bookings/{uid}/mark-absent", () -> """
                {"host": false, "attendees": [{"email": "ada-%s@example.com", "absent": true}]}""".formatted(tag));
        bodies.put("POST /v2/slots/reservations", () -> """
                {"eventTypeId": %s, "slotStart": "%s", "slotDuration": 30, "reservationDuration": 5, "isSeat": false}"""
                .formatted(ids.get("eventTypeId"), nextSlot()));
        String workflow = """
                {"name": "Fuzz", "activation": {"isActiveOnAllEventTypes": false, "activeOnEventTypeIds": []},
                 "trigger": {"type": "beforeEvent", "offset": {"value": 1, "unit": "hour"}},
                 "steps": [{"stepNumber": 1, "action": "email_attendee", "recipient": "attendee", "template": "custom",
                            "sender": "Cal", "includeCalendarEvent": true,
                            "message": {"subject": "Soon", "html": "See you"}}]}""";
        bodies.put("POST /v2/workflows", () -> workflow);
        bodies.put("POST /v2/teams/{teamId}/workflows", () -> workflow);
        bodies.put("PATCH /v2/workflows/{workflowId}", () -> """
                {"name": "Fuzz flow", "trigger": {"type": "newEvent"}, "activation": {"isActiveOnAllEventTypes": false}}""");
        bodies.put("POST /v2/workflows/{workflowId}/steps", () -> """
                {"action": "sms_number", "phone": "+4915112345678", "template": "custom", "sender": "Cal",
                 "stepNumber": 1, "message": {"subject": "", "text": "Soon"}}""");
        bodies.put("PATCH /v2/workflows/{workflowId}/steps/{stepId}", () -> """
                {"action": "email_host", "template": "custom", "sender": "Cal", "includeCalendarEvent": false,
                 "message": {"subject": "In one hour", "html": "Soon"}}""");
        bodies.put("POST /v2/workflows/{workflowId}/steps/reorder", () -> "{\"stepIds\": " + stepIds() + "}");
        bodies.put("PUT /v2/workflows/{workflowId}/activation", () -> "{\"activeOnEventTypeIds\": [%s]}"
                .formatted(ids.get("eventTypeId")));
        bodies.put("PUT /v2/event-types/{eventTypeId}/ai-phone-call-configuration", () -> """
                {"yourPhoneNumber": "+4930123456", "numberToCall": "+4915112345678", "generalPrompt": "Confirm",
                 "guestName": "Ada", "guestEmail": "ada@example.com", "guestCompany": "Co", "beginMessage": "Hi",
                 "schedulerName": "Sam", "enabled": true}""");
        // One webhook per owner and URL: each request names a URL of its own.
        Supplier<String> webhook = () -> """
                {"subscriberUrl": "http://127.0.0.1:9/fuzz-%d", "triggers": ["MEETING_ENDED"], "active": true,
                 "payloadTemplate": "{}", "secret": "s3cret", "time": 5, "timeUnit": "minute"}"""
                .formatted(unique.incrementAndGet());
        bodies.put("POST /v2/api-keys/refresh", () -> "{\"apiKeyDaysValid\": 7}");
        bodies.put("POST /v2/webhooks", webhook);
        bodies.put("POST /v2/teams/{teamId}/webhooks", webhook);
        bodies.put("POST /v2/event-types/{eventTypeId}/webhooks", webhook);
        bodies.put("PATCH /v2/webhooks/{webhookId}", webhook);
        bodies.put("POST /v2/organizations/{orgId}/delegation-credentials", this::delegationCredential);
        // Port 9 refuses connections: a connect is refused with a problem, after every check of the input.
        bodies.put("POST /v2/calendars/ics-feed/save", () -> "{\"urls\": [\"http://127.0.0.1:9/feed.ics\"]}");
        bodies.put("POST /v2/calendars/{calendar}/credentials", () -> """
                {"url": "http://127.0.0.1:9/", "username": "fuzz", "password": "fuzz-password"}""");
        bodies.put("POST /v2/calendars/{calendar}/disconnect", () -> "{\"id\": 1}");
        bodies.put("POST /v2/selected-calendars", () -> """
                {"integration": "caldav_calendar", "externalId": "http://127.0.0.1:9/calendar/", "credentialId": 1}""");
        bodies.put("PUT /v2/destination-calendars", () -> """
                {"integration": "caldav_calendar", "externalId": "http://127.0.0.1:9/calendar/", "credentialId": 1}""");
        bodies.put("PATCH /v2/organizations/{orgId}/delegation-credentials/{credentialId}", () -> """
                {"enabled": true, "serviceAccountKey": {"private_key": "k", "client_id": "c", "tenant_id": "t"}}""");
        bodies.put("POST /v2/teams/{teamId}/event-types/{eventTypeId}/assign", () -> "{\"userIds\": [%d]}"
                .formatted(owner.id()));
        bodies.put("POST /v2/users", () -> """
                {"email": "fuzz-%1$d-%2$s@example.com", "username": "fuzz-%1$d-%2$s", "name": "Fuzz",
                 "timeZone": "Europe/Berlin", "weekStart": "Monday", "locale": "en", "timeFormat": 24}"""
                .formatted(unique.incrementAndGet(), tag));
        Supplier<String> userChange = () -> """
                {"name": "Fuzz Owner", "bio": "b", "timeZone": "Europe/Berlin", "weekStart": "Monday", "locale": "en",
                 "timeFormat": 24, "avatarUrl": "https://example.com/a.png", "brandColor": "#292929",
                 "darkBrandColor": "#fafafa", "theme": "dark", "appTheme": "dark", "hideBranding": false,
                 "allowDynamicBooking": true, "metadata": {"note": "fuzz"}}""";
        bodies.put("PATCH /v2/users/{userId}", userChange);
        bodies.put("PATCH /v2/me", userChange);
        bodies.put("PUT /v2/users/{userId}/password", () -> "{\"password\": \"fuzz secret 1\"}");
        bodies.put("PUT /v2/me/password", () -> "{\"password\": \"fuzz secret 1\"}");
        bodies.put("POST /v2/users/{userId}/password-reset-requests/{requestId}/complete",
                () -> "{\"password\": \"fuzz secret 2\"}");
        bodies.put("POST /v2/users/{userId}/accounts", () -> """
                {"type": "oauth", "provider": "github", "providerAccountId": "fuzz-%d-%s", "providerEmail": "a@example.com",
                 "scope": "read"}""".formatted(unique.incrementAndGet(), tag));
        bodies.put("POST /v2/event-types/{eventTypeId}/private-links", () -> """
                {"expiresAt": "2085-01-01T00:00:00Z", "maxUsageCount": 3}""");
        bodies.put("PATCH /v2/api-keys/{keyId}", () -> "{\"expiresAt\": \"2085-01-01T00:00:00Z\"}");
        Supplier<String> team = () -> """
                {"name": "Fuzz team", "slug": "fuzz-%d-%s", "bio": "b", "hideBranding": false, "hideBookATeamMember": false,
                 "brandColor": "#292929", "darkBrandColor": "#fafafa", "theme": "dark",
                 "logoUrl": "https://example.com/l.png", "timeFormat": 24, "timeZone": "Europe/Berlin",
                 "weekStart": "Monday", "isPrivate": false, "metadata": {"note": "fuzz"}}"""
                .formatted(unique.incrementAndGet(), tag);
        bodies.put("POST /v2/teams", team);
        bodies.put("PATCH /v2/teams/{teamId}", team);
        bodies.put("POST /v2/organizations/{orgId}/teams", team);
        bodies.put("PATCH /v2/organizations/{orgId}/teams/{teamId}", team);
        Supplier<String> org = () -> team.get().replaceFirst("\\{",
                "{\"organizationSettings\": {\"orgAutoAcceptEmail\": \"example.com\", \"allowSEOIndexing\": false}, ");
        bodies.put("POST /v2/organizations", org);
        bodies.put("PATCH /v2/organizations/{teamId}", org);
        bodies.put("PATCH /v2/organizations/{orgId}/settings", () -> """
                {"orgAutoAcceptEmail": "example.com", "isAdminAPIEnabled": true, "allowSEOIndexing": false}""");
        return bodies;
    }

    /** One delegation credential per organization and domain: each request names a domain of its own. */
    private String delegationCredential() {
        return """
                {"workspacePlatformSlug": "google", "domain": "fuzz-%d.example.com",
                 "serviceAccountKey": {"private_key": "k", "client_email": "e@example.com", "client_id": "c"}}"""
                .formatted(unique.incrementAndGet());
    }

    private String stepIds() {
        JsonNode steps = as(owner.key(), () -> get("/v2/workflows/" + ids.get("workflowId"))).data().path("steps");
        List<String> order = new ArrayList<>();
        steps.forEach(step -> order.add(step.get("id").asText()));
        Collections.reverse(order);
        return order.toString();
    }

    /** Query parameters that the operations read, with values they accept. */
    private Map<String, String> validQuery(Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", owner.email().replace("@", "%40"));
        values.put("emails", mate.email().replace("@", "%40"));
        values.put("status", "upcoming");
        values.put("attendeeEmail", "bo%40example.com");
        values.put("attendeeName", "Bo");
        values.put("eventTypeIds", ids.get("eventTypeId"));
        values.put("teamsIds", ids.get("teamId"));
        for (String time : List.of("afterStart", "afterCreatedAt", "afterUpdatedAt", "startDate")) {
            values.put(time, "2020-01-01T00:00:00Z");
        }
        for (String time : List.of("beforeEnd", "beforeCreatedAt", "beforeUpdatedAt", "endDate")) {
            values.put(time, "2086-01-01T00:00:00Z");
        }
        for (String sort : List.of("sortStart", "sortEnd", "sortCreated", "sortUpdatedAt")) {
            values.put(sort, "asc");
        }
        values.put("take", "10");
        values.put("skip", "0");
        values.put("scope", op.path().startsWith("/v2/insights") ? "user" : "");
        values.put("teamId", ids.get("teamId"));
        values.put("eventTypeId", ids.get("eventTypeId"));
        values.put("start", "2084-01-03");
        values.put("end", "2084-01-05");
        values.put("timeZone", "Europe/Berlin");
        values.put("duration", "30");
        values.put("format", "range");
        // No calendar account answers there: the calendar operations refuse after their checks.
        values.put("integration", "caldav_calendar");
        values.put("externalId", "http%3A%2F%2F127.0.0.1%3A9%2Fcalendar%2F");
        values.put("credentialId", "1");
        values.put("dateFrom", "2084-01-03");
        values.put("dateTo", "2084-01-05");
        values.put("loggedInUsersTz", "Europe/Berlin");
        values.put("type", "daily_video");
        values.put("monthKey", "2083-06");
        // Only the spoiled requests of the rebuild and verify are sent (NOT_SENT_VALID).
        values.put("processor", "calcom-projections");
        values.put("bookingUid", ids.get("uid"));
        values.put("failed", "true");
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : op.in("query")) {
            // Naming the event type by id leaves out the other ways of naming it, which exclude each other.
            if (List.of("eventTypeSlug", "username", "teamSlug", "reservationUid").contains(p.name())) {
                continue;
            }
            query.put(p.name(), Objects.requireNonNull(values.get(p.name()), () -> "No value for query " + p.name()));
        }
        return query;
    }

    private Draft validDraft(Operation op, Map<String, Supplier<String>> bodies, boolean fresh) {
        Draft draft = new Draft(op.method(), op.path());
        for (Parameter p : op.in("path")) {
            draft.pathValues.put(p.name(), pathValue(op, p.name()));
        }
        if (fresh) {
            String booking = consumedBooking(op);
            if (booking != null) {
                draft.pathValues.put("uid", booking);
            }
            // A refresh revokes the key it is made with: each request brings a key of the owner's own.
            if (op.key().equals("POST /v2/api-keys/refresh")) {
                draft.headers.put("Authorization", "Bearer " + ownerPost("/v2/api-keys", "{\"note\": \"refreshed\"}")
                        .data().get("apiKey").asText());
            }
        }
        validQuery(op).forEach((name, value) -> draft.query.put(name, new ArrayList<>(List.of(value))));
        if (op.bodySchema() != null) {
            Supplier<String> body = bodies.get(op.key());
            try {
                draft.body = body != null ? json.readTree(body.get()) : document.valueOf(op.bodySchema(), "body");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return draft;
    }

    /** Properties of the schema that the valid body leaves out: they are spoiled too, by being set. */
    private Map<String, JsonNode> absentProperties(Operation op, Draft valid) {
        Map<String, JsonNode> absent = new LinkedHashMap<>();
        if (op.bodySchema() == null || !(valid.body instanceof ObjectNode body)) {
            return absent;
        }
        op.bodySchema().path("properties").fields().forEachRemaining(p -> {
            if (!body.has(p.getKey())) {
                absent.put(p.getKey(), document.valueOf(p.getValue(), p.getKey()));
            }
        });
        return absent;
    }

    // --- fuzzing ------------------------------------------------------------------------------

    private void fuzz(Operation op) {
        Assumptions.assumeTrue(blocked == null, () -> "Not fuzzed: " + blocked);
        Map<String, Supplier<String>> bodies = validBodies();
        Draft shape = validDraft(op, bodies, false);
        List<Mutation> all = mutations.of(shape, absentProperties(op, shape)).stream()
                .filter(m -> SKIP.stream().noneMatch(part -> (op.key() + " " + m).contains(part))).toList();
        List<Mutation> chosen = choose(all, TRIES, new Random(SEED ^ op.key().hashCode()));
        List<Failure> found = new ArrayList<>();
        for (Mutation mutation : chosen) {
            if (blocked == null) {
                send(op, mutation.toString(), mutation.applyTo(validDraft(op, bodies, true)), found);
            }
        }
        if (!NOT_SENT_VALID.contains(op.key()) && blocked == null) {
            int status = send(op, "the valid request", validDraft(op, bodies, true), found);
            baselines.put(op.key(), status + (status < 300 ? "" : " " + lastBody));
        }
        failures.addAll(found);
        if (!found.isEmpty()) {
            fail(found.size() + " of " + (chosen.size() + 1) + " requests failed:\n" + found.stream()
                    .map(f -> "  " + f.mutation() + " -> " + f.status() + " " + f.problem() + ": " + f.body())
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * {@code tries} mutations in the seed's order, each next one of a field and of a kind that came
     * up least so far, so that a small budget still touches every field and every kind.
     */
    static List<Mutation> choose(List<Mutation> all, int tries, Random random) {
        List<Mutation> left = new ArrayList<>(all);
        Collections.shuffle(left, random);
        Map<String, Integer> targets = new HashMap<>();
        Map<String, Integer> kinds = new HashMap<>();
        List<Mutation> chosen = new ArrayList<>();
        while (chosen.size() < tries && !left.isEmpty()) {
            Mutation next = left.stream().min(Comparator.comparingInt((Mutation m) ->
                    targets.getOrDefault(m.target(), 0) + kinds.getOrDefault(m.kind(), 0))).orElseThrow();
            left.remove(next);
            targets.merge(next.target(), 1, Integer::sum);
            kinds.merge(next.kind(), 1, Integer::sum);
            chosen.add(next);
        }
        return chosen;
    }

    /** Sends one request and records what is wrong with its answer; returns its status (0: none). */
    private int send(Operation op, String mutation, Draft draft, List<Failure> found) {
        if (unsettled) {
            settle(found);
        }
        Map<String, Object> before = jdbc.queryForMap(snapshotSql);
        HttpResponse<String> response;
        try {
            response = client.send(request(op, draft), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            unsettled = true;
            found.add(new Failure(op.key(), mutation, 0, "no answer", e.toString()));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        String body = response.body();
        lastBody = excerpt(body);
        if (status < 400) {
            unsettled = true;
            lastAccepted = op.key() + " " + mutation;
            if (!mutation.equals("the valid request")) {
                accepted.merge(op.key() + " | " + kind(mutation), 1, Integer::sum);
            }
            return status;
        }
        if (status >= 500) {
            unsettled = true;
            found.add(new Failure(op.key(), mutation, status, "server error", excerpt(body)));
            return status;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("(none)");
        if (!contentType.startsWith("application/problem+json")) {
            found.add(new Failure(op.key(), mutation, status, "not problem+json but " + contentType, excerpt(body)));
        } else {
            try {
                JsonNode problem = json.readTree(body);
                if (!problem.isObject() || problem.path("status").asInt() != status) {
                    found.add(new Failure(op.key(), mutation, status, "problem without its status", excerpt(body)));
                }
            } catch (IOException e) {
                found.add(new Failure(op.key(), mutation, status, "unparseable problem", excerpt(body)));
            }
        }
        Map<String, Object> after = jdbc.queryForMap(snapshotSql);
        if (!after.equals(before)) {
            unsettled = true;
            found.add(new Failure(op.key(), mutation, status, "stored a change: " + changes(before, after),
                    excerpt(body)));
        }
        return status;
    }

    /**
     * Waits until every event processor has handled every stored event, so that what they append
     * is not taken for a change made by the next request. A processor that fails on an event an
     * accepted request stored is a failure of that request, and is not waited for again.
     */
    private void settle(List<Failure> found) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode processors = as(ADMIN_KEY, () -> get("/v2/admin/projections")).data().get("processors");
            boolean caughtUp = true;
            for (JsonNode processor : processors) {
                String name = processor.get("name").asText();
                boolean failing = processor.toString().contains("\"error\":true");
                if (failing && failedProcessors.add(name)) {
                    found.add(new Failure(lastAccepted, "(accepted, then)", 200, "event processor " + name
                            + " fails on what it stored", processor.toString()));
                    block("event processor " + name + " fails since " + lastAccepted);
                }
                caughtUp &= processor.get("caughtUp").asBoolean() || failedProcessors.contains(name);
            }
            if (caughtUp) {
                unsettled = false;
                return;
            }
            if (System.nanoTime() > deadline) {
                for (JsonNode processor : processors) {
                    String name = processor.get("name").asText();
                    if (!processor.get("caughtUp").asBoolean() && failedProcessors.add(name)) {
                        found.add(new Failure(lastAccepted, "(accepted, then)", 200, "event processor " + name
                                + " stuck for 10 s", processor.toString()));
                        block("event processor " + name + " stuck since " + lastAccepted);
                    }
                }
                unsettled = false;
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void block(String why) {
        if (!KEEP_GOING) {
            blocked = why + " (-Dcalalt.fuzz.keep-going=true fuzzes the rest, slowly)";
        }
    }

    private HttpRequest request(Operation op, Draft draft) {
        byte[] body = draft.bodyBytes(json);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + draft.target()))
                .timeout(Duration.ofSeconds(30))
                .method(draft.method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", draft.headers.getOrDefault("Authorization", "Bearer "
                        + (ADMIN_ONLY.contains(op.key()) || op.path().startsWith("/v2/admin") ? ADMIN_KEY : owner.key())));
        if (body != null) {
            request.header("Content-Type", draft.contentType != null ? draft.contentType : "application/json");
        }
        draft.headers.forEach((name, value) -> {
            if (!name.equals("Authorization")) {
                request.header(name, value);
            }
        });
        return request.build();
    }

    private static String shortProblem(Failure f) {
        return f.problem().startsWith("not problem+json") ? f.problem().replaceAll(";.*", "") : f.problem();
    }

    /** The kind of a mutation, without the field it spoiled. */
    private static String kind(String mutation) {
        int arrow = mutation.indexOf("<- ");
        return arrow < 0 ? mutation : mutation.substring(arrow + 3);
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    // --- what a refused request must leave unchanged -------------------------------------------

    private static final String REMINDERS = "('WorkflowReminder', 'PendingBookingReminder')";

    /** One query: a digest of each command-side lookup table, and the head of the event store. */
    private String snapshotSql() {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'command_side' and table_type = 'BASE TABLE' order by table_name""", String.class);
        String digests = tables.stream().map(t -> "(select coalesce(md5(string_agg(md5(r::text), ',' order by"
                + " md5(r::text))), '') from command_side." + t + " r) as \"" + t + "\"").collect(Collectors.joining(", "));
        // Reminders are left out, as in storedEvents(): the planner appends them on its own, a moment later.
        return "select " + digests + ", (select coalesce(max(global_index), -1) from eventstore.domain_event_entry"
                + " where type not in " + REMINDERS + ") as event_store_head";
    }

    private String changes(Map<String, Object> before, Map<String, Object> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((name, value) -> {
            if (!Objects.equals(value, after.get(name)) && !name.equals("event_store_head")) {
                changed.add("command_side." + name);
            }
        });
        long head = ((Number) before.get("event_store_head")).longValue();
        if (!Objects.equals(head, ((Number) after.get("event_store_head")).longValue())) {
            changed.add("events " + jdbc.queryForList("""
                    select type from eventstore.domain_event_entry where global_index > ? and type not in %s
                    order by global_index""".formatted(REMINDERS),
                    String.class, head));
        }
        return String.join(", ", changed);
    }

    // --- the report ---------------------------------------------------------------------------

    private void report(int operations, Instant started) throws IOException {
        Map<String, List<Failure>> byCategory = new TreeMap<>();
        failures.forEach(f -> byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f));
        StringBuilder report = new StringBuilder();
        report.append("API fuzz: %d operations, %d tries each, seed %d, %d s; %d failures in %d categories%n"
                .formatted(operations, TRIES, SEED, Duration.between(started, Instant.now()).toSeconds(),
                        failures.size(), byCategory.size()));
        if (blocked != null) {
            report.append("STOPPED EARLY: ").append(blocked).append("\n");
        }
        Map<String, Set<String>> byKind = new TreeMap<>();
        failures.forEach(f -> byKind.computeIfAbsent(kind(f.mutation()) + " | " + f.status() + " " + shortProblem(f),
                k -> new java.util.TreeSet<>()).add(f.operation()));
        report.append("\n== Summary (mutation | status problem): operations\n");
        byKind.forEach((k, ops) -> report.append("%s  [%d operations]%n    %s%n".formatted(k, ops.size(),
                String.join(", ", ops))));
        report.append("\n== Failures (operation | mutation | status problem) x count, first example\n");
        byCategory.forEach((category, list) -> report.append("%s  x%d%n    %s%n    %s%n".formatted(category,
                list.size(), list.get(0).mutation(), list.get(0).body())));
        report.append("\n== Status of the valid request of each operation (not 2xx: the spoiled ones may stop early)\n");
        baselines.forEach((op, status) -> report.append("%s  %s%n".formatted(status, op)));
        report.append("\n== Spoiled requests that were accepted (not failures; a stricter API would refuse them)\n");
        accepted.forEach((what, count) -> report.append("%s  x%d%n".formatted(what, count)));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
        System.out.println(report);
    }
}
