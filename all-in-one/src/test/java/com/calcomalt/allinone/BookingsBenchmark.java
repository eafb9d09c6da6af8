package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.platform.axon.CallerMetaData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings under load, over HTTP: how many POST /v2/bookings four clients get through compared
 * with plain one-row JDBC transactions, and how fast one host's upcoming bookings are listed with
 * a million bookings stored. Prints figures; runs only with {@code -Pbench}. {@code -Dbench.part=commands}
 * or {@code queries} runs one half, {@code -Dbench.bookings=N} stores N bookings instead of a million,
 * {@code -Dbench.seed=rows} stores them as rows in SQL instead of through events.
 */
@Tag("benchmark")
class BookingsBenchmark extends ApiTest {

    private static final int CLIENTS = 4;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    private static final int BOOKINGS = Integer.getInteger("bench.bookings", 1_000_000);
    private static final int HOSTS = 100;
    private static final int QUERIES = 2_000;

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void command_throughput_against_plain_jdbc_and_the_upcoming_list_with_a_million_bookings() throws Exception {
        String part = System.getProperty("bench.part", "all");
        if (!part.equals("queries")) {
            commandThroughput();
        }
        if (!part.equals("commands")) {
            upcomingListLatency();
        }
    }

    private void commandThroughput() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Member> hosts = new ArrayList<>();
        List<Integer> eventTypes = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Member host = newMember("rate-" + i, "example.com");
            as(host.key(), () -> post("/v2/schedules", """
                    {"name": "Always", "timeZone": "UTC", "availability": [{"days": ["MONDAY", "TUESDAY",
                      "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"], "startTime": "00:00",
                      "endTime": "23:59"}]}"""));
            eventTypes.add(as(host.key(), () -> post("/v2/event-types", """
                    {"title": "Quick", "slug": "quick-%s", "lengthInMinutes": 15, "minimumBookingNotice": 0}"""
                    .formatted(tag))).data().get("id").asInt());
            hosts.add(host);
        }
        Instant firstSlot = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
        AtomicInteger[] next = new AtomicInteger[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            next[i] = new AtomicInteger();
        }
        HttpClient client = HttpClient.newHttpClient();
        // Each client books its own host's next free quarter hour: distinct slots, no conflicts.
        ClientLoop bookings = (i, stopAt) -> {
            int count = 0;
            while (System.nanoTime() < stopAt) {
                Instant start = firstSlot.plus(Duration.ofMinutes(15L * next[i].getAndIncrement()));
                if (start.atZone(java.time.ZoneOffset.UTC).toLocalTime().isAfter(java.time.LocalTime.of(23, 30))) {
                    continue;
                }
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/v2/bookings"))
                        .header("Authorization", "Bearer " + hosts.get(i).key())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"start": "%s", "eventTypeId": %d, "attendee": {"name": "Load", "email":
                                 "load-%d@example.com", "timeZone": "UTC"}}""".formatted(start, eventTypes.get(i), i)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                count++;
            }
            return count;
        };
        run(bookings, WARM_UP);
        long booked = run(bookings, MEASURE);

        // The ceiling of any endpoint: an authenticated request that reads one row and writes nothing.
        ClientLoop me = (i, stopAt) -> {
            int count = 0;
            while (System.nanoTime() < stopAt) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/v2/me"))
                        .header("Authorization", "Bearer " + hosts.get(i).key()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                count++;
            }
            return count;
        };
        run(me, WARM_UP);
        long answered = run(me, MEASURE);

        jdbc.execute("create table if not exists public.bench_rows (id bigserial primary key, payload text not null)");
        ClientLoop rows = (i, stopAt) -> {
            int count = 0;
            while (System.nanoTime() < stopAt) {
                transactions.executeWithoutResult(s -> jdbc.update("insert into public.bench_rows (payload) values (?)",
                        "row of client " + i));
                count++;
            }
            return count;
        };
        run(rows, WARM_UP);
        long inserted = run(rows, MEASURE);
        jdbc.execute("drop table public.bench_rows");

        double bookingRate = booked / (double) MEASURE.toSeconds();
        double rowRate = inserted / (double) MEASURE.toSeconds();
        System.out.printf("BENCHMARK POST /v2/bookings, %d clients on distinct slots: %.0f bookings/s (%d in %d s)%n",
                CLIENTS, bookingRate, booked, MEASURE.toSeconds());
        System.out.printf("BENCHMARK plain JDBC, one row per transaction, %d clients: %.0f rows/s%n", CLIENTS, rowRate);
        System.out.printf("BENCHMARK ratio bookings/rows: %.3f (goal >= 0.30)%n", bookingRate / rowRate);
        double meRate = answered / (double) MEASURE.toSeconds();
        System.out.printf("BENCHMARK GET /v2/me, %d clients (the ceiling of any authenticated request): %.0f requests/s,"
                + " ratio to rows %.3f%n", CLIENTS, meRate, meRate / rowRate);
        assertThat(booked).isPositive();
    }

    @FunctionalInterface
    private interface ClientLoop {
        int run(int client, long stopAt) throws Exception;
    }

    private long run(ClientLoop loop, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long stopAt = System.nanoTime() + duration.toNanos();
        List<Future<Integer>> counts = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            counts.add(pool.submit(() -> loop.run(client, stopAt)));
        }
        long total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total;
    }

    /** A million bookings of a hundred hosts, then one host's upcoming bookings. */
    private void upcomingListLatency() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Member> hosts = new ArrayList<>();
        List<Integer> eventTypes = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            Member host = newMember("many-" + i, "example.com");
            hosts.add(host);
            eventTypes.add(as(host.key(), () -> post("/v2/event-types", """
                    {"title": "Meeting", "slug": "meeting-%s", "lengthInMinutes": 30}""".formatted(tag)))
                    .data().get("id").asInt());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        if (System.getProperty("bench.seed", "events").equals("rows")) {
            seedRows(hosts, eventTypes, now);
        } else {
            seedEvents(hosts, eventTypes, now);
        }

        Member host = hosts.get(0);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest upcoming = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/v2/bookings?status=upcoming&take=50"))
                .header("Authorization", "Bearer " + host.key()).GET().build();
        long warmUntil = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < warmUntil) {
            client.send(upcoming, HttpResponse.BodyHandlers.ofString());
        }
        long[] nanos = new long[QUERIES];
        int returned = 0;
        for (int i = 0; i < QUERIES; i++) {
            long began = System.nanoTime();
            HttpResponse<String> response = client.send(upcoming, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - began;
            assertThat(response.statusCode()).isEqualTo(200);
            returned = json.readTree(response.body()).get("data").size();
        }
        Arrays.sort(nanos);
        System.out.printf("BENCHMARK GET /v2/bookings?status=upcoming&take=50, one host of %d, %d bookings stored:"
                        + " %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d bookings per page%n",
                HOSTS, rows("Booking"), QUERIES, nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 99 / 100] / 1e6,
                nanos[QUERIES - 1] / 1e6, returned);
        assertThat(returned).isEqualTo(50);
    }
    /** Seeding through the event path: the events appended in batches, projected by the real processor. */
    private void seedEvents(List<Member> hosts, List<Integer> eventTypes, Instant now) {
        long seeding = System.nanoTime();
        int batch = 1_000;
        List<Integer> bookingIds = jdbc.queryForList(
                "select nextval('\"Booking_id_seq\"') from generate_series(1, ?)", Integer.class, BOOKINGS);
        List<Integer> attendeeIds = jdbc.queryForList(
                "select nextval('\"Attendee_id_seq\"') from generate_series(1, ?)", Integer.class, BOOKINGS);
        for (int from = 0; from < BOOKINGS; from += batch) {
            List<GenericDomainEventMessage<BookingRequested>> events = new ArrayList<>();
            for (int n = from; n < Math.min(BOOKINGS, from + batch); n++) {
                int h = n % HOSTS;
                Member host = hosts.get(h);
                // Spread over two years around now, half past, half to come, on the half hour.
                Instant start = now.plus(Duration.ofMinutes(30L * ((n / HOSTS) - BOOKINGS / HOSTS / 2)));
                String uid = UUID.randomUUID().toString();
                BookingRequested event = new BookingRequested(bookingIds.get(n), uid, eventTypes.get(h), host.id(),
                        List.of(host.id()), host.email(), "Meeting between host and guest " + n, null, start,
                        start.plus(Duration.ofMinutes(30)), 0, 0, "integrations:daily", BookingStatus.accepted,
                        List.of(new BookingAttendee(attendeeIds.get(n), "Guest " + n, "guest-" + n + "@example.com",
                                "Europe/Berlin", "en", null)),
                        Map.of("name", "Guest " + n, "email", "guest-" + n + "@example.com"), Map.of(), Map.of(),
                        null, uid + "@Cal.com", 0, UUID.randomUUID().toString(), null, null, null, null,
                        CreationSource.api_v2, host.id(), new BookingHostSnapshot(null, 30, null, host.email(),
                        null, null), start.minus(Duration.ofDays(7)));
                events.add(new GenericDomainEventMessage<>("Booking", BookingIds.aggregateId(uid), 0, event,
                        MetaData.with(CallerMetaData.CALLER_USER_ID, host.id())));
            }
            transactions.executeWithoutResult(s -> storage.appendEvents(events));
        }
        double appendSeconds = (System.nanoTime() - seeding) / 1e9;
        long projecting = System.nanoTime();
        org.awaitility.Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(2))
                .until(() -> rows("Booking") >= BOOKINGS);
        awaitProjectionsCaughtUp();
        System.out.printf("BENCHMARK seeding %d bookings: events appended in %.0f s, projected in %.0f s (%.0f events/s)%n",
                BOOKINGS, appendSeconds, (System.nanoTime() - projecting) / 1e9,
                BOOKINGS / ((System.nanoTime() - projecting) / 1e9));
    }

    /**
     * Seeding the rows the projectors would write for the same bookings (Booking, Attendee and the
     * listing), straight in SQL: the event path projects some hundreds of bookings a second, so a
     * million of them would take most of an hour. The query reads rows, not events.
     */
    private void seedRows(List<Member> hosts, List<Integer> eventTypes, Instant now) {
        long seeding = System.nanoTime();
        Integer[] userIds = hosts.stream().map(Member::id).toArray(Integer[]::new);
        String[] emails = hosts.stream().map(Member::email).toArray(String[]::new);
        // The ids are taken from the tables' sequences, as the command side takes them.
        int first = reserve("\"Booking_id_seq\"");
        int firstAttendee = reserve("\"Attendee_id_seq\"");
        // Spread over two years around now, half past, half to come, on the half hour, as seedEvents does.
        jdbc.update("""
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                    location, status, paid, responses, metadata, "iCalUID", "iCalSequence", "userPrimaryEmail",
                    "idempotencyKey", "creationSource", "isRecorded", "noShowHost")
                select ? + n, gen_random_uuid()::text, h.user_id, h.event_type_id,
                    'Meeting between host and guest ' || n, s.start, s.start + interval '30 minutes',
                    s.start - interval '7 days', 'integrations:daily', 'accepted', false,
                    jsonb_build_object('name', 'Guest ' || n, 'email', 'guest-' || n || '@example.com'), '{}',
                    gen_random_uuid()::text || '@Cal.com', 0, h.email, gen_random_uuid()::text, 'api_v2', false, false
                from generate_series(0, ? - 1) n
                join unnest(?::int[], ?::int[], ?::text[]) with ordinality h(user_id, event_type_id, email, slot)
                    on h.slot = n % ? + 1
                cross join lateral (select ?::timestamp + ((n / ?) - ? / ? / 2) * interval '30 minutes' as start) s
                """, first, BOOKINGS, userIds, eventTypes.toArray(Integer[]::new), emails, HOSTS,
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC)), HOSTS,
                BOOKINGS, HOSTS);
        jdbc.update("""
                insert into "Attendee" (id, email, name, "timeZone", locale, "bookingId", "noShow")
                select ? + n, 'guest-' || n || '@example.com', 'Guest ' || n, 'Europe/Berlin', 'en', ? + n, false
                from generate_series(0, ? - 1) n""", firstAttendee, first, BOOKINGS);
        jdbc.update("""
                insert into query_side.booking_listing
                select id, "userId", "eventTypeId", "startTime", "endTime", "createdAt", "updatedAt", status,
                    "recurringEventId"
                from "Booking" where id >= ?""", first);
        jdbc.execute("vacuum analyze \"Booking\"");
        jdbc.execute("vacuum analyze \"Attendee\"");
        jdbc.execute("vacuum analyze query_side.booking_listing");
        System.out.printf("BENCHMARK seeding %d bookings as rows in SQL: %.0f s%n", BOOKINGS,
                (System.nanoTime() - seeding) / 1e9);
    }

    /** The first of BOOKINGS ids drawn from a sequence at once. */
    private int reserve(String sequence) {
        int first = jdbc.queryForObject("select nextval(?::regclass)", Integer.class, sequence);
        jdbc.queryForObject("select setval(?::regclass, ?)", Long.class, sequence, (long) first + BOOKINGS);
        return first;
    }
}
