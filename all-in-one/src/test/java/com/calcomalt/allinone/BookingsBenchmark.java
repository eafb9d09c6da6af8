package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.platform.axon.CallerMetaData;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings under load, over HTTP: how many POST /v2/bookings 4 and 16 clients get through, how
 * long after its command's commit each answer's booking became visible to queries, GET /v2/me,
 * and pgbench's one-row transactions from 16 clients against the same PostgreSQL; then how fast
 * one host's upcoming bookings are listed with a million bookings stored. Prints figures; runs only with {@code -Pbench}. {@code -Dbench.part=commands}
 * or {@code queries} runs one half, {@code -Dbench.bookings=N} stores N bookings instead of a million,
 * {@code -Dbench.seed=rows} stores them as rows in SQL instead of through events.
 */
@Tag("benchmark")
class BookingsBenchmark extends ApiTest {

    private static final int FEW_CLIENTS = 4;
    private static final int MANY_CLIENTS = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURE = Duration.ofSeconds(30);
    private static final int BOOKINGS = Integer.getInteger("bench.bookings", 1_000_000);
    private static final int HOSTS = 100;
    private static final int QUERIES = 2_000;

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;

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
        for (int i = 0; i < MANY_CLIENTS; i++) {
            Member host = newMember("rate-" + i, "example.com");
            as(host.key(), () -> post("/v2/schedules", """
                    {"name": "Always", "timeZone": "UTC", "availability": [{"days": ["Monday", "Tuesday",
                      "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], "startTime": "00:00",
                      "endTime": "23:59"}]}"""));
            eventTypes.add(as(host.key(), () -> post("/v2/event-types", """
                    {"title": "Quick", "slug": "quick-%s", "lengthInMinutes": 15, "minimumBookingNotice": 0}"""
                    .formatted(tag))).data().get("id").asInt());
            hosts.add(host);
        }
        Instant firstSlot = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
        AtomicInteger[] next = new AtomicInteger[MANY_CLIENTS];
        for (int i = 0; i < MANY_CLIENTS; i++) {
            next[i] = new AtomicInteger();
        }
        HttpClient client = HttpClient.newHttpClient();
        List<Long> postNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        // Each client books its own host's next free quarter hour: distinct slots, no conflicts.
        ClientLoop bookings = (i, stopAt) -> {
            int count = 0;
            while (System.nanoTime() < stopAt) {
                Instant start = firstSlot.plus(Duration.ofMinutes(15L * next[i].getAndIncrement()));
                if (start.atZone(java.time.ZoneOffset.UTC).toLocalTime().isAfter(java.time.LocalTime.of(23, 30))) {
                    continue;
                }
                long began = System.nanoTime();
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
                postNanos.add(System.nanoTime() - began);
                count++;
            }
            return count;
        };
        run(bookings, MANY_CLIENTS, WARM_UP);
        Map<Integer, Double> bookingRates = new java.util.TreeMap<>();
        for (int clients : new int[] {FEW_CLIENTS, MANY_CLIENTS}) {
            postNanos.clear();
            long eventsBefore = headOfTheEventStore();
            CpuUse cpu = CpuUse.start();
            phase("POST /v2/bookings, " + clients + " clients");
            long booked = run(bookings, clients, MEASURE);
            cpu.print("POST /v2/bookings, " + clients + " clients", booked);
            double rate = booked / (double) MEASURE.toSeconds();
            bookingRates.put(clients, rate);
            long[] nanos = postNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("BENCHMARK POST /v2/bookings, %d clients on distinct slots: %.0f bookings/s (%d in %d s),"
                            + " answered in p50 %.1f ms, p99 %.1f ms; %.1f events stored per booking%n", clients, rate,
                    booked, MEASURE.toSeconds(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                    (headOfTheEventStore() - eventsBefore) / (double) booked);
            // The read-your-writes wait of each answer: from its command's commit until queries show it.
            io.micrometer.core.instrument.distribution.HistogramSnapshot visible =
                    meters.get("calalt.read.your.writes.visibility").timer().takeSnapshot();
            System.out.printf("BENCHMARK command-to-query visibility, %d clients: p50 %.1f ms, p99 %.1f ms"
                            + " (goal p99 <= 50 ms)%n", clients,
                    visible.percentileValues()[0].value(TimeUnit.MILLISECONDS),
                    visible.percentileValues()[1].value(TimeUnit.MILLISECONDS));
        }

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
        run(me, MANY_CLIENTS, WARM_UP);
        for (int clients : new int[] {FEW_CLIENTS, MANY_CLIENTS}) {
            CpuUse cpu = CpuUse.start();
            phase("GET /v2/me, " + clients + " clients");
            long answered = run(me, clients, MEASURE);
            cpu.print("GET /v2/me, " + clients + " clients", answered);
            System.out.printf("BENCHMARK GET /v2/me, %d clients (the ceiling of any authenticated request):"
                    + " %.0f requests/s (goal >= 5,000)%n", clients, answered / (double) MEASURE.toSeconds());
        }

        OptionalDouble pgbench = pgbench(MANY_CLIENTS);
        double many = bookingRates.get(MANY_CLIENTS);
        System.out.printf("BENCHMARK POST /v2/bookings from %d to %d clients: x%.2f (goal: grows; >= 600/s at %d)%n",
                FEW_CLIENTS, MANY_CLIENTS, many / bookingRates.get(FEW_CLIENTS), MANY_CLIENTS);
        if (pgbench.isPresent()) {
            System.out.printf("BENCHMARK pgbench, one-row insert transactions, %d clients, same PostgreSQL: %.0f tps;"
                    + " ratio bookings/pgbench %.3f (goal >= 0.05)%n", MANY_CLIENTS, pgbench.getAsDouble(),
                    many / pgbench.getAsDouble());
        }
        assertThat(bookingRates.values()).allMatch(rate -> rate > 0);
    }

    /** When a measured phase began, to cut a flight recording of the run into its phases. */
    private static void phase(String what) {
        System.out.printf("BENCHMARK phase %s from %s for %d s%n", what, Instant.now(), MEASURE.toSeconds());
    }

    private long headOfTheEventStore() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from eventstore.domain_event_entry", Long.class);
    }

    /**
     * pgbench against the application's own PostgreSQL, one-row insert transactions; empty when no
     * pgbench is installed (Debian's postgresql-client has it on the PATH or under /usr/lib/postgresql).
     */
    private OptionalDouble pgbench(int clients) throws Exception {
        Optional<Path> pgbench = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                                .map(dir -> Path.of(dir, "pgbench")),
                        Stream.of(new java.io.File("/usr/lib/postgresql").listFiles() == null
                                        ? new java.io.File[0] : new java.io.File("/usr/lib/postgresql").listFiles())
                                .map(version -> version.toPath().resolve("bin/pgbench")))
                .filter(Files::isExecutable).findFirst();
        if (pgbench.isEmpty()) {
            System.out.println("BENCHMARK pgbench: not installed (neither on the PATH nor under /usr/lib/postgresql)");
            return OptionalDouble.empty();
        }
        String[] connection = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String[]>) c ->
                new String[] {c.getMetaData().getURL(), c.getMetaData().getUserName()});
        URI url = URI.create(connection[0].substring("jdbc:".length()));
        jdbc.execute("create table if not exists public.bench_rows (id bigserial primary key, payload text not null)");
        Path script = Files.createTempFile("one-row", ".sql");
        Files.writeString(script, "insert into public.bench_rows (payload) values ('one row');\n");
        try {
            Process process = new ProcessBuilder(pgbench.get().toString(), "-n", "-h", url.getHost(),
                    "-p", String.valueOf(url.getPort()), "-U", connection[1], "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(MEASURE.toSeconds()), "-f", script.toString(), url.getPath().substring(1))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            java.util.regex.Matcher tps = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(output);
            if (process.exitValue() != 0 || !tps.find()) {
                System.out.println("BENCHMARK pgbench failed: " + output);
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(Double.parseDouble(tps.group(1)));
        } finally {
            Files.delete(script);
            jdbc.execute("drop table public.bench_rows");
        }
    }

    /**
     * The CPU a phase cost per request, which a machine shared with other builds changes far less
     * than the rate: Tomcat's request threads alone, and the whole JVM (clients, processors and
     * PostgreSQL's share excluded, since it runs in its own processes).
     */
    private record CpuUse(long requestThreadNanos, long processNanos, long began) {

        static CpuUse start() {
            return new CpuUse(requestThreadCpu(), processCpu(), System.nanoTime());
        }

        void print(String what, long requests) {
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("BENCHMARK CPU of %s: request threads %.0f µs per request, whole JVM %.0f µs per"
                            + " request (%.2f cores); load average %.1f%n", what,
                    (requestThreadCpu() - requestThreadNanos) / 1e3 / requests,
                    (processCpu() - processNanos) / 1e3 / requests, (processCpu() - processNanos) / 1e9 / seconds,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        private static long requestThreadCpu() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long total = 0;
            for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && thread.getThreadName().startsWith("http-nio-")) {
                    total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                }
            }
            return total;
        }

        private static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    @FunctionalInterface
    private interface ClientLoop {
        int run(int client, long stopAt) throws Exception;
    }

    private long run(ClientLoop loop, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long stopAt = System.nanoTime() + duration.toNanos();
        List<Future<Integer>> counts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
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
