package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stopped and started again under light load. Its own database (stopped and started on
 * the same data directory and port) and its own context, so no other test class sees the outage.
 * While the database is gone every request must fail fast with a 503 problem to retry; once it is
 * back, requests succeed within seconds and every write that was acknowledged is there.
 */
class DatabaseOutageTest {

    private static final Duration FAST = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextSlot = new AtomicInteger();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private int port;

    /** One request's outcome; {@code sent} and {@code at} (the answer) in nanoTime. */
    record Answer(String kind, int status, long sent, long at, String contentType, String retryAfter,
                  JsonNode body) {

        long millis() {
            return (at - sent) / 1_000_000;
        }


        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    @Test
    void while_postgresql_is_down_requests_fail_fast_with_503_and_after_it_is_back_no_acknowledged_write_is_lost(
            @TempDir Path dataDirectory) throws Exception {
        int databasePort = freePort();
        EmbeddedPostgres database = startDatabase(dataDirectory, databasePort);
        ExecutorService load = Executors.newFixedThreadPool(3);
        AtomicBoolean loading = new AtomicBoolean(true);
        try (ConfigurableApplicationContext context = SpringApplication.run(AllInOneApplication.class,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "--spring.datasource.username=postgres",
                "--server.port=0")) {
            port = ((WebServerApplicationContext) context).getWebServer().getPort();
            // As a load balancer would: no traffic before health says UP.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> send("health", "GET", "/actuator/health", null).status() == 200);
            int eventTypeId = bookableEventType();
            List<Future<?>> workers = List.of(
                    load.submit(() -> repeat(loading, () -> newUser())),
                    load.submit(() -> repeat(loading, () -> newBooking(eventTypeId))),
                    load.submit(() -> repeat(loading, () -> send("me", "GET", "/v2/me", null))));
            Thread.sleep(2_000);

            database.close();
            long stopped = System.nanoTime();
            Answer healthWhileDown = send("health", "GET", "/actuator/health", null);
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - millisSince(stopped)));
            long restarting = System.nanoTime();
            database = startDatabase(dataDirectory, databasePort);
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                    acknowledgedAfter(restarted, "user") >= 3 && acknowledgedAfter(restarted, "booking") >= 3);
            loading.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> send("health", "GET", "/actuator/health", null).status() == 200);
            } catch (org.awaitility.core.ConditionTimeoutException notUp) {
                // What kept the node from coming back is in its threads, not in the timeout.
                System.out.println("Health still not UP: " + send("health", "GET", "/actuator/health", null));
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    System.out.println("THREAD " + thread.getName() + " " + thread.getState());
                    for (StackTraceElement frame : stack) {
                        System.out.println("    at " + frame);
                    }
                });
                throw notUp;
            }

            List<Answer> during = answers.stream().filter(a -> a.sent() > stopped && a.at() < restarting).toList();
            List<Answer> unavailable = answers.stream().filter(a -> a.status() == 503).toList();
            long recoveryMillis = answers.stream().filter(a -> a.at() > restarted && a.acknowledged())
                    .mapToLong(a -> (a.at() - restarted) / 1_000_000).min().orElseThrow();
            System.out.printf("Outage: %d answers, %d of them 503, slowest 503 %d ms, health DOWN in %d ms;"
                            + " PostgreSQL restart took %d ms, first acknowledged write %d ms after it%n",
                    answers.size(), unavailable.size(),
                    unavailable.stream().mapToLong(Answer::millis).max().orElse(-1), healthWhileDown.millis(),
                    (restarted - restarting) / 1_000_000, recoveryMillis);

            assertThat(answers).as("only successes or a 503 to retry, never a 500")
                    .allSatisfy(a -> assertThat(a.status()).as(a.toString())
                            .satisfiesAnyOf(s -> assertThat(s).isBetween(200, 299), s -> assertThat(s).isEqualTo(503)));
            assertThat(during).as("answers to requests sent while the database was down").isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(503));
            assertThat(unavailable).allSatisfy(a -> {
                assertThat(a.millis()).as(a.toString()).isLessThan(FAST.toMillis());
                assertThat(a.contentType()).as(a.toString()).isEqualTo("application/problem+json");
                assertThat(a.retryAfter()).as(a.toString()).isEqualTo("5");
                assertThat(a.body().get("status").asInt()).isEqualTo(503);
            });
            assertThat(healthWhileDown.status()).as(healthWhileDown.toString()).isEqualTo(503);
            assertThat(healthWhileDown.body().at("/components/db/status").asText()).isEqualTo("DOWN");
            assertThat(healthWhileDown.millis()).isLessThan(FAST.toMillis());
            assertThat(recoveryMillis).as("first acknowledged write after PostgreSQL is back").isLessThan(10_000);

            List<Answer> acknowledged = answers.stream().filter(Answer::acknowledged)
                    .filter(a -> !a.kind().equals("me")).toList();
            assertThat(acknowledged).extracting(Answer::kind).contains("user", "booking");
            for (Answer write : acknowledged) {
                String path = write.kind().equals("user")
                        ? "/v2/users/" + write.body().at("/data/id").asInt()
                        : "/v2/bookings/" + write.body().at("/data/uid").asText();
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                        .untilAsserted(() -> assertThat(send("check", "GET", path, null).status())
                                .as("acknowledged %s", write).isEqualTo(200));
            }
        } finally {
            loading.set(false);
            load.shutdownNow();
            database.close();
        }
    }

    private static EmbeddedPostgres startDatabase(Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("timezone", "UTC")
                .start();
    }

    /** A host with office hours and an event type to book, made by the bootstrap administrator. */
    private int bookableEventType() {
        int hostId = created(send("setup", "POST", "/v2/users", """
                {"email": "host-%s@example.com", "username": "host-%s"}""".formatted(tag, tag))).at("/data/id").asInt();
        String hostKey = created(send("setup", "POST", "/v2/api-keys", "{\"userId\": %d}".formatted(hostId)))
                .at("/data/apiKey").asText();
        created(send("setup", "POST", "/v2/schedules", """
                {"name": "Office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""", hostKey));
        return created(send("setup", "POST", "/v2/event-types", """
                {"title": "Intro call", "slug": "intro-%s", "lengthInMinutes": 30}""".formatted(tag), hostKey))
                .at("/data/id").asInt();
    }

    private Answer newUser() {
        String name = "load-" + UUID.randomUUID().toString().substring(0, 8);
        return send("user", "POST", "/v2/users", """
                {"email": "%s@example.com", "username": "%s"}""".formatted(name, name));
    }

    /** Each booking takes a slot of its own, so none is refused for a clash. */
    private Answer newBooking(int eventTypeId) {
        return send("booking", "POST", "/v2/bookings", """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(slot(nextSlot.getAndIncrement()), eventTypeId, tag));
    }

    /** The n-th half hour of office hours on weekdays from Monday 1 November 2094. */
    private static String slot(int n) {
        LocalDate day = LocalDate.of(2094, 11, 1);
        for (int weekdays = 0; weekdays < n / 16; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays++;
            }
        }
        return day.atTime(LocalTime.of(9, 0).plusMinutes(30L * (n % 16))).atZone(BERLIN).toInstant().toString();
    }

    private void repeat(AtomicBoolean loading, Supplier<Answer> request) {
        while (loading.get()) {
            answers.add(request.get());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long acknowledgedAfter(long nanoTime, String kind) {
        return answers.stream().filter(a -> a.at() > nanoTime && a.kind().equals(kind) && a.acknowledged()).count();
    }

    private Answer send(String kind, String method, String path, String body) {
        return send(kind, method, path, body, ApiTest.ADMIN_KEY);
    }

    private Answer send(String kind, String method, String path, String body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!path.startsWith("/actuator")) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            Optional<String> contentType = response.headers().firstValue("Content-Type");
            return new Answer(kind, response.statusCode(), start, end, contentType.orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), parsed(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** The body as JSON, or as one text node when it is not JSON, so the assertions can show it. */
    private JsonNode parsed(String body) {
        try {
            return body.isEmpty() ? json.getNodeFactory().nullNode() : json.readTree(body);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(body);
        }
    }

    private static JsonNode created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body();
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
