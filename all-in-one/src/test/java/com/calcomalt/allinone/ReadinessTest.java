package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh install as a load balancer sees it: the web server answers before the bootstrap
 * administrator exists and before the query side has projected it; health says UP only once its
 * key works. Its own database and context, started in the background so health can be polled
 * while the start is still running.
 */
class ReadinessTest {

    private static final List<String> PROBES = List.of("/actuator/health", "/actuator/health/readiness");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void on_a_fresh_database_the_bootstrap_key_works_on_the_first_request_after_health_says_up() throws Exception {
        int port = freePort();
        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().start()) {
            CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                    SpringApplication.run(AllInOneApplication.class,
                            "--spring.datasource.url=jdbc:postgresql://localhost:" + fresh.getPort() + "/postgres",
                            "--spring.datasource.username=postgres",
                            "--server.port=" + port));
            try {
                Set<String> up = new LinkedHashSet<>();
                List<String> notYetUp = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (up.size() < PROBES.size() && System.nanoTime() < deadline
                        && !starting.isCompletedExceptionally()) {
                    for (String probe : PROBES) {
                        if (up.contains(probe)) {
                            continue;
                        }
                        int status = status(port, probe, null);
                        if (status == 200) {
                            up.add(probe);
                            assertThat(status(port, "/v2/me", ApiTest.ADMIN_KEY))
                                    .as("/v2/me right after %s said UP", probe).isEqualTo(200);
                        } else if (status > 0) {
                            notYetUp.add(probe + " " + status);
                        }
                    }
                    Thread.sleep(5);
                }
                assertThat(up).as("probes that said UP (before: %s)", notYetUp)
                        .containsExactlyInAnyOrderElementsOf(PROBES);
                System.out.printf("Health answered %d times not UP before the bootstrap key worked%n",
                        notYetUp.size());
            } finally {
                starting.join().close();
            }
        }
    }

    /** @return the HTTP status, or 0 while the web server is not listening yet */
    private int status(int port, String path, String apiKey) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException notListening) {
            return 0;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
