package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Bookings over HTTP: the whole lifecycle, the read models it leaves, and what concurrency cannot break. */
class BookingApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** Mon–Fri 09:00–17:00 in Berlin. */
    private void berlinHours(Member host) {
        Response created = as(host.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}"""));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
    }

    private int eventType(Member host, String slug, String extra) {
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Intro call", "slug": "%s-%s", "lengthInMinutes": 30%s}""".formatted(slug, tag, extra)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private static String bookingBody(int eventTypeId, String start, String email) {
        return """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "%s", "timeZone": "America/New_York", "language": "en"},
                 "bookingFieldsResponses": {"notes": "Looking forward"},
                 "tracking": {"utm_source": "newsletter", "utm_campaign": "autumn"}}"""
                .formatted(start, eventTypeId, email);
    }

    private Response book(String key, int eventTypeId, String start) {
        return as(key, () -> post("/v2/bookings", bookingBody(eventTypeId, start, "ada-" + tag + "@example.com")));
    }

    private static String uidOf(Response response) {
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(201);
        return response.data().get("uid").asText();
    }

    @Test
    void a_booking_is_made_confirmed_rescheduled_and_cancelled_and_its_history_shows_each_step() {
        Member host = newMember("lifecycle", "example.com");
        Member booker = newMember("booker", "example.com");
        berlinHours(host);
        int eventTypeId = eventType(host, "confirm", ", \"confirmationPolicy\": {\"type\": \"always\", \"blockUnconfirmedBookingsInBooker\": false}");

        Response requested = book(booker.key(), eventTypeId, "2094-10-28T08:00:00Z");
        String first = uidOf(requested);
        assertThat(requested.data().get("status").asText()).isEqualTo("pending");
        assertThat(requested.data().get("title").asText()).startsWith("Intro call between ").endsWith(" and Ada Booker");
        assertThat(as(booker.key(), () -> post("/v2/bookings/" + first + "/confirm", null)).status().value())
                .as("only the host confirms").isEqualTo(403);
        Response confirmed = as(host.key(), () -> post("/v2/bookings/" + first + "/confirm", null));
        assertThat(confirmed.status().value()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.data().get("status").asText()).isEqualTo("accepted");

        Response rescheduled = as(booker.key(), () -> post("/v2/bookings/" + first + "/reschedule", """
                {"start": "2094-10-29T09:00:00Z", "reschedulingReason": "Clash"}"""));
        String second = uidOf(rescheduled);
        assertThat(rescheduled.data().get("rescheduledFromUid").asText()).isEqualTo(first);
        assertThat(rescheduled.data().get("status").asText()).as("the booker moved it: it waits again").isEqualTo("pending");
        Response cancelled = as(host.key(), () -> post("/v2/bookings/" + second + "/cancel", """
                {"cancellationReason": "Ill"}"""));
        assertThat(cancelled.status().value()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.data().get("status").asText()).isEqualTo("cancelled");
        assertThat(as(host.key(), () -> post("/v2/bookings/" + second + "/cancel", "{}")).status().value())
                .as("a cancelled booking stays cancelled").isEqualTo(409);
        awaitProjectionsCaughtUp();

        JsonNode history = as(booker.key(), () -> get("/v2/bookings/" + second + "/history")).data();
        List<String> steps = StreamSupport.stream(history.get("entries").spliterator(), false)
                .map(e -> e.get("type").asText()).toList();
        assertThat(steps).containsExactly("BookingRequested", "BookingConfirmed", "BookingRescheduled",
                "BookingRequested", "BookingCancelled");

        Map<String, Object> old = jdbc.queryForMap("select * from \"Booking\" where uid = ?", first);
        Map<String, Object> moved = jdbc.queryForMap("select * from \"Booking\" where uid = ?", second);
        assertThat(old).containsEntry("status", "cancelled").containsEntry("rescheduled", true)
                .containsEntry("iCalUID", first + "@Cal.com").containsEntry("iCalSequence", 0);
        assertThat(old.get("idempotencyKey")).isNull();
        assertThat(moved).containsEntry("fromReschedule", first).containsEntry("cancellationReason", "Ill")
                .containsEntry("iCalUID", first + "@Cal.com").containsEntry("iCalSequence", 1)
                .containsEntry("description", "Looking forward");
        assertThat(jdbc.queryForList("select email from \"Attendee\" where \"bookingId\" = ?", String.class,
                moved.get("id"))).containsExactly("ada-" + tag + "@example.com");
        assertThat(jdbc.queryForMap("select * from \"Tracking\" where \"bookingId\" = ?", old.get("id")))
                .containsEntry("utm_source", "newsletter").containsEntry("utm_campaign", "autumn");
        assertThat(jdbc.queryForMap("select * from \"BookingDenormalized\" where id = ?", moved.get("id")))
                .containsEntry("uid", second).containsEntry("eventLength", 30).containsEntry("isTeamBooking", false)
                .containsEntry("userId", host.id()).containsEntry("userEmail", host.email());
        assertThat(jdbc.queryForObject("select \"timeStatus\" from \"BookingTimeStatusDenormalized\" where uid = ?",
                String.class, first)).isEqualTo("rescheduled");
        assertThat(jdbc.queryForObject("select \"timeStatus\" from \"BookingTimeStatusDenormalized\" where uid = ?",
                String.class, second)).isEqualTo("cancelled");
    }

    @Test
    void two_hundred_concurrent_requests_for_one_slot_make_exactly_one_booking_and_the_rest_are_409() throws Exception {
        Member host = newMember("contested", "example.com");
        berlinHours(host);
        int eventTypeId = eventType(host, "contested", "");
        long before = rows("Booking");

        List<Integer> statuses = concurrently(200, i -> bookingBody(eventTypeId, "2094-11-01T10:00:00Z",
                "racer-" + i + "-" + tag + "@example.com"), host.key());

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(199);
        awaitProjectionsCaughtUp();
        assertThat(rows("Booking") - before).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from \"Booking\" where \"eventTypeId\" = ?", Long.class,
                eventTypeId)).isEqualTo(1);
    }

    @Test
    void concurrent_requests_for_a_seated_slot_fill_exactly_its_seats() throws Exception {
        Member host = newMember("seated", "example.com");
        berlinHours(host);
        int eventTypeId = eventType(host, "seated", ", \"seats\": {\"seatsPerTimeSlot\": 5, \"showAttendeeInfo\": false, \"showAvailabilityCount\": true}");

        List<Integer> statuses = concurrently(60, i -> bookingBody(eventTypeId, "2094-11-02T10:00:00Z",
                "seat-" + i + "-" + tag + "@example.com"), host.key());

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(55);
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("""
                select count(*) from "BookingSeat" s join "Booking" b on b.id = s."bookingId"
                where b."eventTypeId" = ?""", Long.class, eventTypeId)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from \"Booking\" where \"eventTypeId\" = ?", Long.class,
                eventTypeId)).isEqualTo(1);
    }

    /** Sends {@code n} bookings at once (each request body numbered) and returns their statuses. */
    private List<Integer> concurrently(int n, java.util.function.IntFunction<String> bodies, String key)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(16))
                .build();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/bookings"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.apply(i))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> answer = response.get();
            if (answer.statusCode() != 201) {
                assertThat(answer.headers().firstValue("Content-Type")).as(answer.body())
                        .hasValue("application/problem+json");
            }
            statuses.add(answer.statusCode());
        }
        return statuses;
    }

    @Test
    void the_same_idempotency_key_gives_the_same_booking_and_a_different_request_under_it_is_refused() {
        Member host = newMember("idempotent", "example.com");
        berlinHours(host);
        int eventTypeId = eventType(host, "idempotent", "");
        String key = "key-" + tag;
        String body = bookingBody(eventTypeId, "2094-11-03T10:00:00Z", "same-" + tag + "@example.com");

        Response first = call(key, body);
        Response again = call(key, body);
        Response other = call(key, bookingBody(eventTypeId, "2094-11-03T11:00:00Z", "same-" + tag + "@example.com"));

        assertThat(uidOf(again)).isEqualTo(uidOf(first));
        assertThat(other.status().value()).as(other.body().toString()).isEqualTo(422);
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("select count(*) from \"Booking\" where \"eventTypeId\" = ?", Long.class,
                eventTypeId)).isEqualTo(1);
    }

    private Response call(String idempotencyKey, String body) {
        org.springframework.http.ResponseEntity<String> response = http.post().uri("/v2/bookings")
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Idempotency-Key", idempotencyKey)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
        try {
            return new Response(response.getStatusCode(), String.valueOf(response.getHeaders().getContentType()),
                    null, json.readTree(response.getBody()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bad_input_is_a_4xx_problem_and_changes_nothing() {
        Member host = newMember("strict", "example.com");
        berlinHours(host);
        int eventTypeId = eventType(host, "strict", "");
        long events = storedEvents();

        assertProblem(book(host.key(), eventTypeId, "2020-01-06T10:00:00Z"), 422);
        assertProblem(book(host.key(), 987_654, "2094-11-04T10:00:00Z"), 404);
        assertProblem(as(host.key(), () -> post("/v2/bookings",
                bookingBody(eventTypeId, "2094-11-04T10:00:00Z", "not-an-email"))), 400);
        assertProblem(as(host.key(), () -> post("/v2/bookings", bookingBody(eventTypeId, "2094-11-04T10:00:00Z",
                "x@example.com").replace("America/New_York", "America/Gotham"))), 400);
        assertProblem(book(host.key(), eventTypeId, "2094-11-06T10:00:00Z"), 422);

        assertThat(storedEvents()).as("nothing was written").isEqualTo(events);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }
}
