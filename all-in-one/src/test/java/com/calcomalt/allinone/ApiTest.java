package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.platform.testing.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * The one Spring context of the all-in-one tests, reached over real HTTP on a random port; the
 * database is the JVM's throw-away PostgreSQL, and the application's clock a {@link MovableClock}.
 */
@SpringBootTest(classes = AllInOneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.class)
abstract class ApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    /** The application's clock; a test that moves it sets it back when done. */
    @Autowired
    MovableClock clock;

    static final String ADMIN_KEY = "cal_0000000000000000000000000000test";

    /**
     * Reminder emails go over SMTP to the tests' own server; Stripe is the tests' fake. Every API test
     * runs with these settings and no others: a test class that changed one would get a Spring context
     * of its own, whose event processors and scheduler would work the same database beside this one's.
     */
    @DynamicPropertySource
    static void mailServerAndStripe(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", TestMailServer::port);
        properties.add("calalt.stripe.secret-key", () -> StripeFake.SECRET_KEY);
        properties.add("calalt.stripe.webhook-secret", () -> StripeFake.WEBHOOK_SECRET);
        properties.add("calalt.stripe.connect-webhook-secret", () -> StripeFake.CONNECT_WEBHOOK_SECRET);
        properties.add("calalt.stripe.api-base", StripeFake::baseUrl);
        properties.add("calalt.stripe.calls.initial-backoff", () -> "1s");
    }

    RestClient http;
    private String key = ADMIN_KEY;

    record Response(HttpStatusCode status, String contentType, String location, JsonNode body) {
        JsonNode data() {
            return body.get("data");
        }
    }

    /** Ports of contexts that said they are ready; a context is asked once. */
    private static final Set<Integer> READY = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void client() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        key = ADMIN_KEY;
        awaitReady();
    }

    /** As a load balancer would: the bootstrap administrator is projected a moment after the start. */
    private void awaitReady() {
        if (READY.contains(port)) {
            return;
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> as(null, () -> get("/actuator/health/readiness")).status().value() == 200);
        READY.add(port);
        if (READY.size() > 1) {
            throw new IllegalStateException("A second Spring context (ports " + READY + ") runs its processors and"
                    + " scheduler on the database of the first; API tests must not change the context's settings");
        }
    }

    /** Sends the following requests with this API key (null: with none). */
    void actAs(String apiKey) {
        key = apiKey;
    }

    /** Runs the requests of {@code calls} with another key, then goes back to the current one. */
    <T> T as(String apiKey, java.util.function.Supplier<T> calls) {
        String before = key;
        key = apiKey;
        try {
            return calls.get();
        } finally {
            key = before;
        }
    }

    Response get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    Response delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    Response put(String path, String body) {
        return call(HttpMethod.PUT, path, body);
    }

    Response post(String path, String body) {
        return call(HttpMethod.POST, path, body);
    }

    Response patch(String path, String body) {
        return call(HttpMethod.PATCH, path, body);
    }

    Response call(HttpMethod method, String path, String body) {
        return call(method, path, body, Map.of());
    }

    Response call(HttpMethod method, String path, String body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        headers.forEach(request::header);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<String> response = request.retrieve().toEntity(String.class);
        try {
            JsonNode parsed = response.getBody() == null ? null : json.readTree(response.getBody());
            MediaType contentType = response.getHeaders().getContentType();
            return new Response(response.getStatusCode(), contentType == null ? null : contentType.toString(),
                    response.getHeaders().getFirst("Location"), parsed);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + response.getBody(), e);
        }
    }

    /** Reads go to the projections, which follow the events a moment later. */
    Response awaitFound(String path) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> get(path).status().value() == 200);
        return get(path);
    }

    /** A new user, made by the system administrator, and an API key of their own. */
    record Member(int id, String email, String key) {
    }

    Member newMember(String name, String domain) {
        return as(ADMIN_KEY, () -> {
            String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
            String email = name + "-" + tag + "@" + domain;
            int id = post("/v2/users", """
                    {"email": "%s", "username": "%s-%s"}""".formatted(email, name, tag)).data().get("id").asInt();
            String apiKey = post("/v2/api-keys", "{\"userId\": %d}".formatted(id)).data().get("apiKey").asText();
            return new Member(id, email, apiKey);
        });
    }

    /** Bookings on distinct half hours of the host's office hours, on days to come. */
    List<String> bookingsOf(Member host, Member booker, int count) {
        as(host.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}"""));
        Response type = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Rebuilt", "slug": "rebuilt-%s", "lengthInMinutes": 30}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8))));
        assertThat(type.status().value()).as(String.valueOf(type.body())).isEqualTo(201);
        int eventTypeId = type.data().get("id").asInt();
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // A Monday far ahead, 09:00 in Berlin's winter: a fixed near date would turn past and be refused.
            String start = Instant.parse("2094-03-01T08:00:00Z").plus(Duration.ofMinutes(30L * i)).toString();
            Response booking = as(booker.key(), () -> post("/v2/bookings", """
                    {"start": "%s", "eventTypeId": %d,
                     "attendee": {"name": "Ann Attendee", "email": "ann@example.com", "timeZone": "Europe/Berlin"}}"""
                    .formatted(start, eventTypeId)));
            assertThat(booking.status().value()).as(String.valueOf(booking.body())).isEqualTo(201);
            uids.add(booking.data().get("uid").asText());
        }
        return uids;
    }

    void awaitProjectionsCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode processors = as(ADMIN_KEY, () -> get("/v2/admin/projections")).data().get("processors");
            for (JsonNode processor : processors) {
                if (!processor.get("caughtUp").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * The events requests stored. Reminders are left out: the planner appends theirs on its own, a
     * moment after the booking event it follows, whatever the request after it does.
     */
    long storedEvents() {
        return jdbc.queryForObject("""
                select count(*) from eventstore.domain_event_entry
                where type not in ('WorkflowReminder', 'PendingBookingReminder')""", Long.class);
    }

    long rows(String table) {
        return jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class);
    }
}
