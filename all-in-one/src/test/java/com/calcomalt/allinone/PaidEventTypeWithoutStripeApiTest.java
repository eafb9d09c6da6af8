package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as configured by default, without Stripe's keys. Its own database and context:
 * the API tests' context has Stripe configured, and a second context on their database would run
 * its event processors and scheduler beside theirs.
 */
class PaidEventTypeWithoutStripeApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_paid_event_type_is_refused_with_422_while_stripe_is_not_configured() throws Exception {
        int port = freePort();
        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext ignored = SpringApplication.run(AllInOneApplication.class,
                     "--spring.datasource.url=jdbc:postgresql://localhost:" + fresh.getPort() + "/postgres",
                     "--spring.datasource.username=postgres", "--server.port=" + port)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> call(port, "GET", "/actuator/health/readiness", null,
                    null).statusCode() == 200);
            String tag = UUID.randomUUID().toString().substring(0, 8);
            int userId = json.readTree(call(port, "POST", "/v2/users", ApiTest.ADMIN_KEY, """
                    {"email": "unconfigured-%1$s@example.com", "username": "unconfigured-%1$s"}""".formatted(tag))
                    .body()).get("data").get("id").asInt();
            String key = json.readTree(call(port, "POST", "/v2/api-keys", ApiTest.ADMIN_KEY,
                    "{\"userId\": %d}".formatted(userId)).body()).get("data").get("apiKey").asText();

            HttpResponse<String> refused = call(port, "POST", "/v2/event-types", key, """
                    {"title": "Paid call", "slug": "paid-%s", "lengthInMinutes": 30,
                     "metadata": {"apps": {"stripe": {"price": 5000, "currency": "eur", "enabled": true}}}}"""
                    .formatted(tag));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("CALALT_STRIPE_SECRET_KEY");

            HttpResponse<String> free = call(port, "POST", "/v2/event-types", key, """
                    {"title": "Free call", "slug": "free-%s", "lengthInMinutes": 30,
                     "metadata": {"apps": {"stripe": {"price": 5000, "currency": "eur", "enabled": false}}}}"""
                    .formatted(tag));
            assertThat(free.statusCode()).as(free.body()).isEqualTo(201);
            JsonNode eventType = json.readTree(free.body()).get("data");
            HttpResponse<String> madePaid = call(port, "PATCH", "/v2/event-types/" + eventType.get("id").asInt(),
                    key, """
                    {"metadata": {"apps": {"stripe": {"price": 5000, "currency": "eur", "enabled": true}}}}""");
            assertThat(madePaid.statusCode()).as(madePaid.body()).isEqualTo(422);
        }
    }

    private HttpResponse<String> call(int port, String method, String path, String apiKey, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException notListening) {
            throw new IllegalStateException(notListening);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
