package com.calcomalt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.calendar.connectors.CalDavConnector;
import com.calcomalt.calendar.connectors.CalendarAccount;
import com.calcomalt.calendar.connectors.CalendarConnectors;
import com.calcomalt.calendar.connectors.IcsFeedConnector;
import com.calcomalt.calendar.testing.RadicaleServer;
import com.calcomalt.platform.testing.MovableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

class CalendarBusyTimesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Instant MARCH = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2027-04-01T00:00:00Z");

    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer().withUser("dana", "dana-secret");
    @RegisterExtension
    static final RadicaleServer other = new RadicaleServer().withUser("eli", "eli-secret");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    private final MovableClock clock = MovableClock.stoppedNow();
    private CalendarBusyTimes busyTimes;
    private int credential;
    private String calendarUrl;

    @BeforeAll
    static void migrateADatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stopTheDatabase() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void aCredentialWithOneBusyHour() {
        busyTimes = CalendarConnectorsAutoConfiguration.create(new CalendarConnectors(List.of(
                new CalDavConnector(TIMEOUT), new IcsFeedConnector(TIMEOUT))), dataSource, TIMEOUT,
                Duration.ofMinutes(2), clock);
        credential = credential();
        String name = "c" + UUID.randomUUID().toString().substring(0, 8);
        calendarUrl = radicale.createCalendar("dana", name, name);
        radicale.putEvent("dana", name, "one.ics", event("one", "20270302T100000Z", "20270302T110000Z"));
    }

    @AfterEach
    void serversBackUp() {
        radicale.start();
        other.start();
    }

    @Test
    void sources_are_read_in_parallel_and_one_that_is_down_is_unreadable_while_the_other_answers() {
        other.stop();
        CalendarSource down = new CalendarSource(credential(), null, "caldav_calendar",
                new CalendarAccount(other.url(), "eli", "eli-secret"), List.of(other.calendarUrl("eli", "work")));

        BusyTimesResult result = busyTimes.busyTimes(List.of(dana(), down), MARCH, APRIL, true);

        assertThat(result.busy()).containsExactly(new SourcedBusy(Instant.parse("2027-03-02T10:00:00Z"),
                Instant.parse("2027-03-02T11:00:00Z"), "one", credential, calendarUrl));
        assertThat(result.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.credentialId()).isEqualTo(down.credentialId());
            assertThat(u.externalId()).isEqualTo(other.calendarUrl("eli", "work"));
            assertThat(u.authenticationFailed()).isFalse();
        });
    }

    @Test
    void a_source_that_does_not_answer_in_time_is_unreadable_and_the_caller_waits_only_the_timeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/x/y/";
            CalendarSource hanging = new CalendarSource(credential(), null, "caldav_calendar",
                    new CalendarAccount(url, "x", "y"), List.of(url));
            Instant before = Instant.now();

            BusyTimesResult result = busyTimes.busyTimes(List.of(hanging, dana()), MARCH, APRIL, false);

            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofMillis(2500));
            assertThat(result.busy()).extracting(SourcedBusy::uid).containsExactly("one");
            assertThat(result.unreadable()).extracting(UnreadableCalendar::reason)
                    .singleElement().asString().contains("timed out after PT1S");
        }
    }

    @Test
    void a_wrong_password_is_reported_as_an_authentication_failure() {
        CalendarSource wrong = new CalendarSource(credential, null, "caldav_calendar",
                new CalendarAccount(radicale.url(), "dana", "not-her-password"), List.of(calendarUrl));

        BusyTimesResult result = busyTimes.busyTimes(List.of(wrong), MARCH, APRIL, false);

        assertThat(result.busy()).isEmpty();
        assertThat(result.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.authenticationFailed()).isTrue();
            assertThat(u.reason()).doesNotContain("not-her-password");
        });
    }

    @Test
    void a_fresh_cache_entry_answers_without_the_server_for_any_range_of_the_month() {
        busyTimes.busyTimes(List.of(dana()), MARCH, Instant.parse("2027-03-08T00:00:00Z"), true);
        radicale.stop();

        BusyTimesResult result = busyTimes.busyTimes(List.of(dana()), Instant.parse("2027-03-02T00:00:00Z"),
                Instant.parse("2027-03-20T00:00:00Z"), true);

        assertThat(result.unreadable()).isEmpty();
        assertThat(result.busy()).extracting(SourcedBusy::uid).containsExactly("one");
    }

    @Test
    void without_the_cache_the_server_is_asked_and_the_cache_refreshed() {
        busyTimes.busyTimes(List.of(dana()), MARCH, APRIL, true);
        String calendar = calendarUrl.substring(radicale.url().length() + "dana/".length(), calendarUrl.length() - 1);
        radicale.putEvent("dana", calendar, "two.ics", event("two", "20270303T100000Z", "20270303T110000Z"));

        assertThat(busyTimes.busyTimes(List.of(dana()), MARCH, APRIL, true).busy()).extracting(SourcedBusy::uid)
                .containsExactly("one");
        assertThat(busyTimes.busyTimes(List.of(dana()), MARCH, APRIL, false).busy()).extracting(SourcedBusy::uid)
                .containsExactlyInAnyOrder("one", "two");
        radicale.stop();
        assertThat(busyTimes.busyTimes(List.of(dana()), MARCH, APRIL, true).busy()).extracting(SourcedBusy::uid)
                .containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void invalidating_a_credential_deletes_its_cache_rows() {
        busyTimes.busyTimes(List.of(dana()), MARCH, APRIL, true);
        assertThat(cacheRows(credential)).isEqualTo(1);

        busyTimes.invalidate(credential);
        radicale.stop();

        assertThat(cacheRows(credential)).isZero();
        BusyTimesResult result = busyTimes.busyTimes(List.of(dana()), MARCH, APRIL, true);
        assertThat(result.busy()).isEmpty();
        assertThat(result.unreadable()).extracting(UnreadableCalendar::externalId).containsExactly(calendarUrl);
    }

    @Test
    void an_expired_entry_is_used_when_the_server_fails_and_the_calendar_is_still_reported() {
        busyTimes.busyTimes(List.of(dana()), MARCH, APRIL, true);
        clock.moveBy(Duration.ofMinutes(3));
        radicale.stop();

        BusyTimesResult result = busyTimes.busyTimes(List.of(dana()), MARCH, APRIL, true);

        assertThat(result.busy()).extracting(SourcedBusy::uid).containsExactly("one");
        assertThat(result.unreadable()).singleElement().satisfies(u ->
                assertThat(u.reason()).contains("stale cached busy times were used"));
    }

    @Test
    void a_credential_missing_from_the_read_table_is_read_but_not_cached() {
        CalendarSource unknown = new CalendarSource(987654, null, "caldav_calendar",
                new CalendarAccount(radicale.url(), "dana", "dana-secret"), List.of(calendarUrl));

        BusyTimesResult result = busyTimes.busyTimes(List.of(unknown), MARCH, APRIL, true);

        assertThat(result.busy()).extracting(SourcedBusy::uid).containsExactly("one");
        assertThat(cacheRows(987654)).isZero();
    }

    @Test
    void the_cache_key_is_cal_coms_shape_over_whole_utc_months() {
        busyTimes.busyTimes(List.of(dana()), Instant.parse("2027-03-10T00:00:00Z"),
                Instant.parse("2027-03-12T00:00:00Z"), true);

        String key = jdbc.queryForObject("select key from \"CalendarCache\" where \"credentialId\" = ?", String.class,
                credential);
        assertThat(key).isEqualTo("{\"timeMin\":\"2027-03-01T00:00:00Z\",\"timeMax\":\"2027-04-01T00:00:00Z\","
                + "\"items\":[{\"id\":\"" + calendarUrl + "\"}]}");
    }

    private CalendarSource dana() {
        return new CalendarSource(credential, null, "caldav_calendar",
                new CalendarAccount(radicale.url(), "dana", "dana-secret"), List.of(calendarUrl));
    }

    /** A credential of no user: "CalendarCache" only needs the "Credential" row its key points at. */
    private static int credential() {
        return jdbc.queryForObject("""
                insert into "Credential" (type, key, "appId") values ('caldav_calendar', '{}', 'caldav-calendar')
                returning id""", Integer.class);
    }

    private static int cacheRows(int credentialId) {
        return jdbc.queryForObject("select count(*) from \"CalendarCache\" where \"credentialId\" = ?", Integer.class,
                credentialId);
    }

    private static String event(String uid, String start, String end) {
        return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:" + uid
                + "\nDTSTAMP:20260101T000000Z\nDTSTART:" + start + "\nDTEND:" + end
                + "\nEND:VEVENT\nEND:VCALENDAR\n").replace("\n", "\r\n");
    }
}
