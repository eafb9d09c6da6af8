package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.platform.database.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** Starting and stopping the whole system as its README does, outside the shared test context. */
@ExtendWith(OutputCaptureExtension.class)
class LifecycleTest {

    @Test
    void a_local_run_keeps_its_data_across_restarts_and_stops_without_errors(@TempDir Path dataDirectory,
                                                                              CapturedOutput output) throws Exception {
        int databasePort = freePort();
        String[] args = {
                "--calalt.embedded-postgres.mode=persistent",
                "--calalt.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres"),
                "--calalt.embedded-postgres.port=" + databasePort,
                "--server.port=0",
                "--calalt.bootstrap-api-key=" + ApiTest.ADMIN_KEY};

        int userId;
        try (ConfigurableApplicationContext first = SpringApplication.run(AllInOneApplication.class, args)) {
            RestClient client = client(first);
            userId = client.post().uri("/v2/users").contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + ApiTest.ADMIN_KEY)
                    .body("{\"email\": \"kept@example.com\", \"username\": \"kept\"}")
                    .retrieve().body(com.fasterxml.jackson.databind.JsonNode.class).at("/data/id").asInt();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.get().uri("/v2/users/" + userId)
                    .header("Authorization", "Bearer " + ApiTest.ADMIN_KEY)
                    .exchange((request, response) -> response.getStatusCode().value()) == 200);
        }
        try (ConfigurableApplicationContext second = SpringApplication.run(AllInOneApplication.class, args)) {
            String email = client(second).get().uri("/v2/users/" + userId)
                    .header("Authorization", "Bearer " + ApiTest.ADMIN_KEY).retrieve()
                    .body(com.fasterxml.jackson.databind.JsonNode.class).at("/data/email").asText();
            assertThat(email).isEqualTo("kept@example.com");
        }

        List<String> lines = Arrays.asList(output.getAll().split("\\R"));
        assertThat(lines).filteredOn(line -> line.contains(" ERROR ") || line.contains("Broken pipe")
                        || line.contains("This connection has been closed") || line.contains("Connection refused")
                        || line.contains("terminating connection") || line.contains("Multiple calls to 'stop()'")
                        || line.contains("Failed to shutdown"))
                .isEmpty();
        assertThat(lines).filteredOn(line -> line.contains("Shutting down Scheduler.")).hasSize(2);
    }

    @Test
    void a_due_webhook_delivery_survives_a_restart(@TempDir Path dataDirectory) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String[] args = {
                "--calalt.embedded-postgres.mode=persistent",
                "--calalt.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres"),
                "--calalt.embedded-postgres.port=" + freePort(),
                "--server.port=0"};
        String deliveryId = UUID.randomUUID().toString();
        try {
            try (ConfigurableApplicationContext first = SpringApplication.run(AllInOneApplication.class, args)) {
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                Instant due = Instant.now().plusSeconds(2);
                jdbc.update("""
                        insert into notifications.webhook_deliveries (id, webhook_id, trigger_event, subscriber_url,
                            body, status, due_at, created_at, event_id)
                        values (?, 'gone-webhook', 'MEETING_STARTED', ?, '{"triggerEvent":"MEETING_STARTED"}',
                            'PENDING', ?, now(), ?)""", deliveryId,
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        due.atOffset(ZoneOffset.UTC), deliveryId);
                first.getBean(SchedulerClient.class).schedule(new TaskInstance<>("webhook-delivery", deliveryId), due);
            }
            Thread.sleep(2_500);
            assertThat(received).as("nothing runs while the process is down").isEmpty();
            try (ConfigurableApplicationContext second = SpringApplication.run(AllInOneApplication.class, args)) {
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(jdbc.queryForObject(
                        "select status from notifications.webhook_deliveries where id = ?", String.class, deliveryId)));
                assertThat(received).containsExactly("{\"triggerEvent\":\"MEETING_STARTED\"}");
            }
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void a_configured_datasource_url_wins_over_the_embedded_database() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext context = SpringApplication.run(AllInOneApplication.class,
                     "--spring.datasource.url=jdbc:postgresql://localhost:" + external.getPort() + "/postgres",
                     "--spring.datasource.username=postgres",
                     "--server.port=0")) {
            assertThat(context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
            Integer port = context.getBean(JdbcTemplate.class).queryForObject(
                    "select setting::int from pg_settings where name = 'port'", Integer.class);
            assertThat(port).isEqualTo(external.getPort());
            assertThat(new JdbcTemplate(external.getPostgresDatabase()).queryForObject(
                    "select count(*) from information_schema.tables where table_name = 'users'", Integer.class))
                    .isEqualTo(1);
        }
    }

    /** A new shell makes a new key: a restart with it, or with none, must start and keep every key working. */
    @Test
    void a_restart_with_a_new_bootstrap_key_or_none_starts_and_every_key_works(@TempDir Path dataDirectory,
                                                                                CapturedOutput output) throws Exception {
        int databasePort = freePort();
        String first = "cal_" + UUID.randomUUID().toString().replace("-", "");
        String second = "cal_" + UUID.randomUUID().toString().replace("-", "");
        List<String> common = List.of(
                "--calalt.embedded-postgres.mode=persistent",
                "--calalt.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres"),
                "--calalt.embedded-postgres.port=" + databasePort,
                "--server.port=0");
        int administrator;
        try (ConfigurableApplicationContext run = start(common, "--calalt.bootstrap-api-key=" + first)) {
            administrator = me(run, first);
        }
        try (ConfigurableApplicationContext run = start(common, "--calalt.bootstrap-api-key=" + second)) {
            assertThat(me(run, second)).as("the new key is the same administrator's").isEqualTo(administrator);
            assertThat(me(run, first)).isEqualTo(administrator);
        }
        try (ConfigurableApplicationContext run = start(common, "--calalt.bootstrap-api-key=")) {
            assertThat(me(run, first)).isEqualTo(administrator);
            assertThat(me(run, second)).isEqualTo(administrator);
            assertThat(new JdbcTemplate(run.getBean(DataSource.class)).queryForObject(
                    "select count(*) from \"ApiKey\" where \"userId\" = ?", Integer.class, administrator)).isEqualTo(2);
        }
        assertThat(output.getAll()).contains("Added a new bootstrap API key to system administrator " + administrator)
                .doesNotContain(first).doesNotContain(second);
    }

    private static ConfigurableApplicationContext start(List<String> common, String key) {
        List<String> args = new ArrayList<>(common);
        args.add(key);
        return SpringApplication.run(AllInOneApplication.class, args.toArray(String[]::new));
    }

    /** The user the key belongs to, once the read side knows the key. */
    private static int me(ConfigurableApplicationContext run, String key) {
        RestClient client = client(run);
        await().atMost(Duration.ofSeconds(15)).until(() -> client.get().uri("/v2/me")
                .header("Authorization", "Bearer " + key)
                .exchange((request, response) -> response.getStatusCode().value()) == 200);
        return client.get().uri("/v2/me").header("Authorization", "Bearer " + key).retrieve()
                .body(com.fasterxml.jackson.databind.JsonNode.class).at("/data/id").asInt();
    }

    private static RestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory()).build();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
