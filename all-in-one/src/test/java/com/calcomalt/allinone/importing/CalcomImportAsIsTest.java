package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.allinone.AllInOneApplication;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --import-rule-breaking} on a small cal.com database: one host with two overlapping accepted bookings (cal.com
 * allowed them) and a user whose email is another's in another case. The bookings come as they are and both ranges
 * stay busy for new bookings; the duplicate is still left out.
 */
class CalcomImportAsIsTest {

    private static final String ADMIN_KEY = "cal_00000000000000000000000000asis";

    @TempDir
    Path directory;

    @Test
    void overlapping_bookings_are_imported_as_they_are_and_keep_both_ranges_while_the_duplicate_email_is_left_out()
            throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(
                EmbeddedPostgresProperties.Mode.THROWAWAY, Path.of(".data/unused"), 0));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            admin.createStatement().execute("create database asis_calcom_" + tag);
            admin.createStatement().execute("create database asis_imported_" + tag);
        }
        String base = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1);
        String sourceUrl = base + "asis_calcom_" + tag;
        String targetUrl = base + "asis_imported_" + tag;
        Flyway.configure().dataSource(sourceUrl, "postgres", "").locations("classpath:db/migration").load().migrate();
        JdbcTemplate source = new JdbcTemplate(new SingleConnectionDataSource(sourceUrl, "postgres", "", true));
        // Person 1 works 09:00 to 17:00 in Berlin (UTC+1 in January); their bookings 09:00-10:00 and 09:30-10:30 UTC
        // overlap. Person 3's email is person 1's in capitals.
        source.execute("""
                insert into users (id, uuid, email, username, name, "timeZone", "timeFormat", created)
                values (1, gen_random_uuid(), 'person1@example.com', 'person1', 'Person 1', 'Europe/Berlin', 24,
                        timestamp '2024-01-01 00:00:00'),
                       (2, gen_random_uuid(), 'person2@example.com', 'person2', 'Person 2', 'Europe/Berlin', 24,
                        timestamp '2024-01-02 00:00:00'),
                       (3, gen_random_uuid(), 'PERSON1@Example.com', 'person1-again', 'Again', 'Europe/Berlin', 24,
                        timestamp '2024-01-03 00:00:00');
                insert into "Schedule" (id, "userId", name, "timeZone") values (11, 1, 'Working hours', 'Europe/Berlin');
                update users set "defaultScheduleId" = 11 where id = 1;
                insert into "Availability" (id, "scheduleId", days, "startTime", "endTime")
                values (21, 11, array[1,2,3,4,5], time '09:00', time '17:00');
                insert into "EventType" (id, "userId", title, slug, length, "minimumBookingNotice", "createdAt")
                values (31, 1, '30 minutes', '30min', 30, 0, timestamp '2024-02-01 00:00:00');
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                                       status, "iCalUID", responses)
                values (41, 'first-meeting', 1, 31, 'First', timestamp '2090-01-02 09:00:00',
                        timestamp '2090-01-02 10:00:00', timestamp '2089-12-01 00:00:00', 'accepted', 'first', '{}'),
                       (42, 'overlapping-meeting', 1, 31, 'Overlapping', timestamp '2090-01-02 09:30:00',
                        timestamp '2090-01-02 10:30:00', timestamp '2089-12-02 00:00:00', 'accepted', 'second', '{}');
                insert into "Attendee" (id, email, name, "timeZone", "bookingId")
                values (51, 'a@mail.example', 'A', 'Europe/Berlin', 41), (52, 'b@mail.example', 'B', 'Europe/Berlin', 42);
                """);
        List<String> common = List.of("import", "--from", sourceUrl, "--user", "postgres", "--report",
                directory.resolve("report.tsv").toString(), "--spring.datasource.url=" + targetUrl,
                "--spring.datasource.username=postgres", "--spring.main.web-application-type=none");

        assertThat(run(common, "--skip-rule-breaking", "--import-rule-breaking")).startsWith("2\n")
                .contains("--skip-rule-breaking and --import-rule-breaking exclude each other");
        assertThat(run(common)).as("no choice made").startsWith("2\n").contains("--import-rule-breaking to import");

        String imported = run(common, "--import-rule-breaking");
        assertThat(imported).as(imported).startsWith("0\n")
                .contains("rule-breaking rows imported as they are: 1 (overlapping bookings;")
                .contains("left out even with --import-rule-breaking: 1 (")
                .contains(line("Booking", 2, 2, 0, 0), line("Attendee", 2, 2, 0, 0), line("users", 3, 2, 0, 1));
        String report = Files.readString(directory.resolve("report.tsv"));
        assertThat(report).contains("Booking\t42\timported as it is: host 1 has an accepted or pending booking"
                + " overlapping", "users\t3\t");
        assertThat(report).doesNotContain("Booking\t41\t");

        try (var context = new SpringApplicationBuilder(AllInOneApplication.class).web(WebApplicationType.SERVLET)
                .run("--spring.datasource.url=" + targetUrl, "--spring.datasource.username=postgres",
                        "--server.port=0", "--calalt.bootstrap-api-key=" + ADMIN_KEY)) {
            String port = context.getEnvironment().getProperty("local.server.port");
            JdbcTemplate target = new JdbcTemplate(new SingleConnectionDataSource(targetUrl, "postgres", "", true));
            HttpClient http = HttpClient.newHttpClient();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            String booker = "{\"start\": \"%s\", \"eventTypeId\": 31, \"attendee\": {\"name\": \"New\","
                    + " \"email\": \"new@mail.example\", \"timeZone\": \"Europe/Berlin\"}}";
            String onFirstOnly = "2090-01-02T09:00:00Z";
            String onOverlappingOnly = "2090-01-02T10:00:00Z";
            assertThat(post(http, port, "/v2/bookings", String.format(booker, onFirstOnly)).statusCode())
                    .as("the first imported booking keeps its range").isEqualTo(409);
            assertThat(post(http, port, "/v2/bookings", String.format(booker, onOverlappingOnly)).statusCode())
                    .as("the one imported over it keeps its own").isEqualTo(409);
            assertThat(post(http, port, "/v2/bookings", String.format(booker, "2090-01-02T11:00:00Z")).statusCode())
                    .as("a free slot of the host books").isEqualTo(201);

            // The registry's own check, which a request racing past the lookups meets: the constraint does not see
            // the range held apart, so a booking on it alone is refused by the registry, in the appending transaction.
            BookingRequested racing = new BookingRequested(99, "racing", 31, 1, List.of(1), null, "Racing", null,
                    Instant.parse(onOverlappingOnly), Instant.parse("2090-01-02T10:30:00Z"), 0, 0, null,
                    BookingStatus.accepted, List.of(), Map.of(), Map.of(), Map.of(), null, "racing", 0, null, null,
                    null, null, null, null, 1, null, Instant.now());
            EventStore events = context.getBean(EventStore.class);
            assertThatThrownBy(() -> new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                    .executeWithoutResult(t -> events.publish(new GenericDomainEventMessage<>("Booking",
                            BookingIds.aggregateId("racing"), 0, racing))))
                    .as("a booking on the range imported over another").hasStackTraceContaining("is booked at");
            assertThat(target.queryForObject("select count(*) from command_side.booked_times where booking_uid = 'racing'",
                    Integer.class)).isZero();

            HttpResponse<String> cancelled = post(http, port, "/v2/bookings/overlapping-meeting/cancel",
                    "{\"cancellationReason\": \"Moved\"}");
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> target.queryForObject(
                    "select status::text from \"Booking\" where uid = 'overlapping-meeting'", String.class)
                    .equals("cancelled"));
            HttpResponse<String> freed = post(http, port, "/v2/bookings", String.format(booker, onOverlappingOnly));
            assertThat(freed.statusCode()).as("cancelling frees its range: " + freed.body()).isEqualTo(201);
            assertThat(post(http, port, "/v2/bookings", String.format(booker, onFirstOnly)).statusCode())
                    .as("but not the other's").isEqualTo(409);
            assertThat(target.queryForObject("select count(*) from command_side.booked_times where imported_overlap",
                    Integer.class)).as("the cancelled range was the one held apart").isZero();
        }
    }

    private static HttpResponse<String> post(HttpClient http, String port, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String run(List<String> common, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(common);
        args.addAll(List.of(more));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ImportCommandLine.run(AllInOneApplication.class, args.toArray(String[]::new),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return code + "\n" + bytes.toString(StandardCharsets.UTF_8);
    }

    private static String line(String table, int source, int target, int differences, int reported) {
        return String.format("%-14s source %d rows, target %d rows, %d differences (%d of reported rows)", table,
                source, target, differences, reported);
    }
}
