package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.calendar.testing.RadicaleServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The available-slots query of a busy host: 1,000 bookings over a year, asked for 7 and for 31
 * days over HTTP. Prints p50/p99; runs only with {@code -Pbench}.
 */
@Tag("benchmark")
class SlotsBenchmark extends ApiTest {

    private static final int BOOKINGS = 1_000;
    private static final Duration WARM_UP = Duration.ofSeconds(40);
    private static final int MEASURED = 2_000;

    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer().withUser("bench", "bench-pw");

    @Test
    void slots_of_a_host_with_a_thousand_bookings() throws Exception {
        Member host = newMember("busy-host", "example.com");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        int eventTypeId = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Call", "slug": "call-%s", "lengthInMinutes": 30, "beforeEventBuffer": 5,
                 "afterEventBuffer": 10}""".formatted(tag))).data().get("id").asInt();
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        seedBookings(host.id(), eventTypeId, firstDay);
        awaitProjectionsCaughtUp();

        HttpClient client = HttpClient.newHttpClient();
        String floor = "/v2/me";
        // A server answers warm: JIT compilation of the whole request path takes some thousands of requests.
        Random random = new Random(7);
        long warmUntil = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < warmUntil) {
            ask(client, host.key(), slotsOf(eventTypeId, firstDay.plusDays(random.nextInt(300)), 1 + random.nextInt(31)));
            ask(client, host.key(), floor);
        }
        report(client, host.key(), "GET /v2/me (the floor: authentication, one query, JSON)", i -> floor);
        for (int days : new int[] {7, 31}) {
            double slots = report(client, host.key(), "GET /v2/slots %2d days, host with %d bookings"
                    .formatted(days, BOOKINGS), i -> slotsOf(eventTypeId, firstDay.plusDays(random.nextInt(300)), days));
            assertThat(slots).as("the answers hold slots, so the work was done").isPositive();
        }
        connectCalendar(host, firstDay);
        ask(client, host.key(), slotsOf(eventTypeId, firstDay, 7));
        double withCalendar = report(client, host.key(), "GET /v2/slots  7 days, host with %d bookings and one connected"
                .formatted(BOOKINGS) + " calendar (warm cache)", i -> slotsOf(eventTypeId, firstDay.plusDays(i % 3), 7));
        assertThat(withCalendar).isPositive();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("BENCHMARK heap in use after the run: %d MB of %d MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    /** A radicale calendar with an event on each of the next days, selected by the host. */
    private void connectCalendar(Member host, LocalDate firstDay) {
        radicale.createCalendar("bench", "work", "Work");
        for (int day = 0; day < 10; day++) {
            String date = firstDay.plusDays(day).toString().replace("-", "");
            radicale.putEvent("bench", "work", "e" + day + ".ics", """
                    BEGIN:VCALENDAR\r
                    VERSION:2.0\r
                    PRODID:-//calcom-alt bench//EN\r
                    BEGIN:VEVENT\r
                    UID:bench-%d\r
                    DTSTAMP:20260101T000000Z\r
                    DTSTART:%sT120000Z\r
                    DTEND:%sT130000Z\r
                    END:VEVENT\r
                    END:VCALENDAR\r
                    """.formatted(day, date, date));
        }
        int credentialId = as(host.key(), () -> post("/v2/calendars/caldav/credentials", """
                {"url": "%s", "username": "bench", "password": "bench-pw"}""".formatted(radicale.url())))
                .data().get("id").asInt();
        assertThat(as(host.key(), () -> post("/v2/selected-calendars", """
                {"integration": "caldav_calendar", "externalId": "%s", "credentialId": %d}"""
                .formatted(radicale.calendarUrl("bench", "work"), credentialId))).status().value()).isEqualTo(201);
        awaitProjectionsCaughtUp();
    }

    /** Prints the latencies of MEASURED requests; returns the mean number of slots per answer. */
    private double report(HttpClient client, String key, String what, IntFunction<String> paths) throws Exception {
        long[] nanos = new long[MEASURED];
        long slots = 0;
        for (int i = 0; i < MEASURED; i++) {
            String path = paths.apply(i);
            long began = System.nanoTime();
            String body = ask(client, key, path);
            nanos[i] = System.nanoTime() - began;
            slots += body.split("\"start\"", -1).length - 1;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCHMARK %s: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f slots per answer%n",
                what, MEASURED, nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, nanos[MEASURED - 1] / 1e6,
                slots / (double) MEASURED);
        return slots / (double) MEASURED;
    }

    private static String slotsOf(int eventTypeId, LocalDate start, int days) {
        return "/v2/slots?eventTypeId=" + eventTypeId + "&start=" + start + "&end=" + start.plusDays(days - 1)
                + "&timeZone=America/New_York";
    }

    private String ask(HttpClient client, String key, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * A thousand half-hour bookings on the working days of the coming year, in the host's hours.
     * They go straight into the Booking read table: the slots query reads nothing else.
     */
    private void seedBookings(int hostId, int eventTypeId, LocalDate firstDay) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<LocalDateTime> starts = new ArrayList<>();
        Random random = new Random(42);
        while (starts.size() < BOOKINGS) {
            LocalDate day = firstDay.plusDays(random.nextInt(365));
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            LocalDateTime start = day.atTime(LocalTime.of(9, 0).plusMinutes(30L * random.nextInt(16)))
                    .atZone(berlin).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
            if (!starts.contains(start)) {
                starts.add(start);
            }
        }
        jdbc.batchUpdate("""
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                                       status)
                values (nextval('"Booking_id_seq"'), ?, ?, ?, 'Call', ?, ?, now(), 'accepted')""",
                starts.stream().map(start -> new Object[] {UUID.randomUUID().toString(), hostId, eventTypeId, start,
                        start.plusMinutes(30)}).toList());
    }
}
