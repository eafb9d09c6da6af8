package com.calcomalt.apiclient;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application on a random port and the JVM's throw-away PostgreSQL; one context for both tests. */
@SpringBootTest(classes = ClientTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningApplication {

    static final String ADMIN_KEY = "cal_0000000000000000000000000000test";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    String baseUri() {
        return "http://localhost:" + port;
    }

    String apiDocs() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUri() + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/v3/api-docs answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** As a load balancer would: the bootstrap administrator is projected a moment after the start. */
    void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> http.send(
                HttpRequest.newBuilder(URI.create(baseUri() + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
