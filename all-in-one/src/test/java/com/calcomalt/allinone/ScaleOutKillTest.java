package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.scheduling.BookingIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17's kill test: three all-in-one processes, each its own JVM on a loopback port, on one
 * PostgreSQL. Pairs of clients ask for the same slots of one host through different nodes; one node
 * measures bookings/s alone, then all three, and in the middle of the second run the node that runs
 * the cal.com projections is killed with SIGKILL. Each booking is read through another live node right
 * after its 201 (read-your-writes across processes), also those written while the projections move to
 * a survivor: their answers wait for it. Afterwards: no acknowledged booking lost, no host
 * booked twice at once, every segment and every picked execution held by a live node, the segments of
 * the processors that have several spread over the nodes before the kill and over the survivors after
 * it, the projections equal to a rebuild, and each webhook delivery received under its own
 * {@code webhook-id}, once, or twice when the dead node was sending it when it died (delivery is at
 * least once, see WebhookDeliveryTask; a receiver drops the copy by its id).
 */
class ScaleOutKillTest {

    private static final String ADMIN_KEY = "cal_0000000000000000000000000000test";
    private static final int HOSTS = 3;
    /** Two clients per host, through different nodes, asking for the same slots in the same order. */
    private static final int CLIENTS = 2 * HOSTS;
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("scale.measure-seconds", 8));
    /** How long the receiver takes to answer just before the kill, so that the victim dies while sending some. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static HttpServer receiver;
    /** Each webhook request received, as "uid triggerEvent". */
    private static final List<String> received = new CopyOnWriteArrayList<>();
    /** The webhook-id header of each webhook request received: the delivery's id, the same on a retry. */
    private static final List<String> receivedIds = new CopyOnWriteArrayList<>();
    /** The command-side processors that get several segments, which the nodes share. */
    private static final Set<String> MULTI_SEGMENT = Set.of("calendar-writer", "managed-event-types",
            "workflow-reminders", "payments-stripe");
    private static final AtomicInteger crossNodeReads = new AtomicInteger();
    private static final List<Node> nodes = new ArrayList<>();
    private static volatile boolean slow;

    /**
     * A node binds a port of its own choosing and logs it: a port chosen here and handed over could be
     * taken meanwhile by any outgoing connection of the other nodes.
     */
    private record Node(String name, Path log, Process process, AtomicInteger port) {
        URI uri(String path) throws IOException {
            if (port.get() == 0) {
                Matcher started = TOMCAT_STARTED.matcher(Files.readString(log));
                if (!started.find()) {
                    throw new IOException(name + " has not bound its port yet");
                }
                port.set(Integer.parseInt(started.group(1)));
            }
            return URI.create("http://127.0.0.1:" + port.get() + path);
        }
    }

    private static final Pattern TOMCAT_STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private record Host(String key, int eventTypeId) {
    }

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(Redirect.DISCARD)
                .setErrorRedirector(Redirect.DISCARD)
                .start();
        DataSource dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(body.at("/payload/uid").asText() + " " + body.get("triggerEvent").asText());
            receivedIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")));
            if (slow) {
                try {
                    Thread.sleep(SLOW_ANSWER.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopAll() throws IOException {
        for (Node node : nodes) {
            node.process().destroyForcibly();
        }
        for (Node node : nodes) {
            try {
                node.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void three_nodes_lose_no_acknowledged_booking_double_book_no_host_and_send_each_webhook_once_when_one_is_killed()
            throws Exception {
        // All three start together (a JVM's start is the slow part); the first run goes through one of them.
        List<Node> all = List.of(start("node-1"), start("node-2"), start("node-3"));
        all.forEach(ScaleOutKillTest::awaitReady);
        Node first = all.get(0);
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            hosts.add(host(first, i));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger[] nextSlot = new AtomicInteger[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            nextSlot[i] = new AtomicInteger();
        }

        Load aloneRun = load(hosts, List.of(first), nextSlot, acknowledged, MEASURE, null);
        double alone = aloneRun.rate();

        // The processors with several segments share them out: each node takes its fair share, ceil(4 / 3).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                MULTI_SEGMENT.stream().allMatch(processor -> segmentOwners(processor).size() > 1
                        && !segmentOwners(processor).contains(null)));
        assertThat(multiSegmentProcessors()).as("processors with more than one segment").containsAll(MULTI_SEGMENT);
        for (String processor : MULTI_SEGMENT) {
            assertThat(segmentOwners(processor)).as(processor + " segments before the kill").hasSizeGreaterThan(1)
                    .isSubsetOf(all.stream().map(Node::name).toList());
        }
        String spreadBefore = spread();

        // The node that runs the cal.com projections (and, having started first, most other processors) dies.
        String victimName = jdbc.queryForObject("""
                select owner from eventstore.token_entry where processor_name = 'calcom-projections'""", String.class);
        Node victim = all.stream().filter(n -> n.name().equals(victimName)).findFirst().orElseThrow();
        List<String> survivors = all.stream().map(Node::name).filter(n -> !n.equals(victimName)).toList();
        Set<String> pickedAtKill = ConcurrentHashMap.newKeySet();
        AtomicLong killedAt = new AtomicLong();
        AtomicLong projectionsMovedAt = new AtomicLong();
        AtomicLong segmentsMovedAt = new AtomicLong();
        Runnable kill = () -> {
            slow = true;
            try {
                Thread.sleep(SLOW_ANSWER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            victim.process().destroyForcibly(); // SIGKILL: no shutdown hook, no released claim
            killedAt.set(System.nanoTime());
            Thread watcher = new Thread(() -> {
                while (projectionsMovedAt.get() == 0 || segmentsMovedAt.get() == 0) {
                    String projector = jdbc.queryForObject("""
                            select owner from eventstore.token_entry where processor_name = 'calcom-projections'""",
                            String.class);
                    if (projectionsMovedAt.get() == 0 && projector != null && !projector.equals(victimName)) {
                        projectionsMovedAt.set(System.nanoTime());
                    }
                    if (segmentsMovedAt.get() == 0 && !owners().contains(victimName) && !owners().contains(null)) {
                        segmentsMovedAt.set(System.nanoTime());
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "takeover-watcher");
            watcher.setDaemon(true);
            watcher.start();
            pickedAtKill.addAll(jdbc.queryForList("""
                    select task_instance from scheduler.scheduled_tasks where picked and picked_by = ?""",
                    String.class, victimName));
            slow = false;
        };
        Load together = load(hosts, all, nextSlot, acknowledged, MEASURE.multipliedBy(2), kill);
        assertThat(killedAt.get()).isPositive();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> segmentsMovedAt.get() != 0 && projectionsMovedAt.get() != 0);
        double segmentsMoved = seconds(segmentsMovedAt.get() - killedAt.get());
        double projectionsMoved = seconds(projectionsMovedAt.get() - killedAt.get());
        // The answers of the bookings sent while the projections had no live node waited for their move.
        List<long[]> duringTakeover = together.made().stream()
                .filter(w -> w[0] >= killedAt.get() && w[0] <= projectionsMovedAt.get()).toList();
        List<long[]> beforeKill = together.made().stream().filter(w -> w[0] < killedAt.get() - SLOW_ANSWER.toNanos()).toList();
        assertThat(duringTakeover).as("bookings sent and read back while the projections moved").isNotEmpty();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.queryForObject("""
                        select count(*) from scheduler.scheduled_tasks where picked and picked_by = ?""",
                        Long.class, victimName) == 0);
        double tasksMoved = seconds(System.nanoTime() - killedAt.get());
        for (String processor : MULTI_SEGMENT) {
            assertThat(segmentOwners(processor)).as(processor + " segments after the kill: both survivors share them")
                    .containsExactlyInAnyOrderElementsOf(survivors);
        }
        // Queries of the projections' progress go to the node that runs them now.
        String projecting = jdbc.queryForObject("""
                select owner from eventstore.token_entry where processor_name = 'calcom-projections'""", String.class);
        Node live = all.stream().filter(n -> n.name().equals(projecting)).findFirst().orElseThrow();

        // Read-your-writes across processes with the projections moved: a booking made through one survivor
        // is read at once through the other, both ways round (writing where the projections run and not).
        Node otherSurvivor = all.stream().filter(n -> survivors.contains(n.name()) && n != live).findFirst()
                .orElseThrow();
        Set<String> unreadAfterKill = ConcurrentHashMap.newKeySet();
        Instant farDay = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < 10; i++) {
            Node writer = i % 2 == 0 ? otherSurvivor : live;
            Node reader = writer == live ? otherSurvivor : live;
            Host host = hosts.get(i % HOSTS);
            HttpResponse<String> booked = send(writer, "POST", "/v2/bookings", host.key(), """
                    {"start": "%s", "eventTypeId": %d, "attendee": {"name": "Reader", "email": "reader-%d@example.com",
                     "timeZone": "UTC"}}""".formatted(farDay.plus(Duration.ofMinutes(15L * i)), host.eventTypeId(), i));
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            String uid = JSON.readTree(booked.body()).at("/data/uid").asText();
            acknowledged.add(uid);
            readThroughAnotherNode(reader, host, uid, unreadAfterKill);
            crossNodeReads.incrementAndGet();
        }
        assertThat(unreadAfterKill).as("bookings another survivor did not show right after their 201").isEmpty();

        System.out.printf("%nScale-out: bookings/s with 1 node %.1f, with 3 nodes %.1f (%d clients, %d hosts, each slot"
                        + " asked by 2 clients); %s killed, its segments claimed by a live node after %.1f s, its %d"
                        + " picked executions after %.1f s; %d acknowledged, %d requests failed on the killed node%n%n",
                alone, together.firstHalfRate(), CLIENTS, HOSTS, victimName, segmentsMoved, pickedAtKill.size(), tasksMoved,
                acknowledged.size(), together.failed());
        System.out.printf("Scale-out: calcom-projections taken over %.1f s after the kill; %d bookings sent meanwhile,"
                        + " answered after %s s (each read back at once through another node); bookings' answers"
                        + " with 1 node %s, with 3 before the kill %s (median/p99/max s)%n%n", projectionsMoved,
                duringTakeover.size(), latencies(duringTakeover), latencies(aloneRun.made()), latencies(beforeKill));
        System.out.printf("Scale-out: segments (processor/segment=node) before the kill %s; after %s; %d bookings read"
                + " through another node right after their 201%n%n", spreadBefore, spread(), crossNodeReads.get());

        assertThat(acknowledged).hasSizeGreaterThan(10);
        for (String uid : acknowledged) {
            assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?",
                    Long.class, BookingIds.aggregateId(uid))).as("events of " + uid).isPositive();
        }
        awaitProjectionsCaughtUp(live);
        assertThat(jdbc.queryForList("select uid from \"Booking\"", String.class)).containsAll(acknowledged);
        assertThat(jdbc.queryForObject("""
                select count(*) from "Booking" a join "Booking" b on a."userId" = b."userId" and a.id < b.id
                where a.status = 'accepted' and b.status = 'accepted'
                  and a."startTime" < b."endTime" and b."startTime" < a."endTime\"""", Long.class))
                .as("overlapping accepted bookings of one host").isZero();
        assertThat(owners()).as("every segment is claimed by a live node").isSubsetOf(survivors);
        JsonNode health = JSON.readTree(send(live, "GET", "/actuator/health", null, null).body())
                .at("/components/eventProcessors/details");
        assertThat(health.get("node").asText()).isEqualTo(live.name());
        for (JsonNode claim : health.get("processors").findValues("claimedSegments")) {
            for (JsonNode segment : claim) {
                assertThat(segment.isInt()).isTrue();
            }
        }
        assertThat(jdbc.queryForList("select processor_name || '/' || segment from eventstore.token_entry where owner = ?",
                String.class, live.name())).as("what the token store says this node holds, health says too")
                .allSatisfy(claim -> assertThat(health.at("/processors/" + claim.split("/")[0] + "/claimedSegments")
                        .toString()).contains(claim.split("/")[1]));

        JsonNode verification = verify(live);
        for (JsonNode processor : verification.get("processors")) {
            assertThat(processor.at("/lastVerification/identical").asBoolean()).as(processor.toString()).isTrue();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "select count(*) from notifications.webhook_deliveries where status = 'PENDING'", Long.class) == 0);
        assertThat(jdbc.queryForList("select distinct status from notifications.webhook_deliveries", String.class))
                .containsOnly("SUCCEEDED");
        Map<String, Long> deliveries = new ConcurrentHashMap<>();
        received.forEach(r -> deliveries.merge(r, 1L, Long::sum));
        for (String uid : acknowledged) {
            assertThat(deliveries.get(uid + " BOOKING_CREATED")).as("BOOKING_CREATED of " + uid).isNotNull();
        }
        // What the killed node was sending when it died: attempts it wrote before their POST and never answered.
        Set<String> inFlightAtKill = new HashSet<>(jdbc.queryForList("""
                select delivery_id from notifications.webhook_delivery_attempts
                where node = ? and http_status is null and duration_ms is null""", String.class, victimName));
        assertThat(pickedAtKill).as("an attempt in flight was a picked execution").containsAll(inFlightAtKill);
        Map<String, Long> byId = new ConcurrentHashMap<>();
        receivedIds.forEach(id -> byId.merge(id, 1L, Long::sum));
        List<String> stored = jdbc.queryForList("select id from notifications.webhook_deliveries", String.class);
        long duplicates = byId.values().stream().filter(times -> times > 1).count();
        System.out.printf("Scale-out: %d webhook requests for %d deliveries (%d distinct webhook-ids); %d received"
                        + " twice, of the %d the killed node was sending when it died%n%n", received.size(),
                stored.size(), byId.size(), duplicates, inFlightAtKill.size());
        assertThat(byId.keySet()).as("every delivery was received, under its own webhook-id")
                .containsExactlyInAnyOrderElementsOf(stored);
        byId.forEach((id, times) -> assertThat(times).as("requests with webhook-id " + id)
                .isLessThanOrEqualTo(inFlightAtKill.contains(id) ? 2 : 1));
        assertThat(deliveries).as("one delivery row per booking and trigger").hasSize(stored.size());
    }

    private static Set<String> multiSegmentProcessors() {
        return new HashSet<>(jdbc.queryForList("""
                select processor_name from eventstore.token_entry group by processor_name having count(*) > 1""",
                String.class));
    }

    /** The nodes that hold the processor's segments now (null for one nobody holds). */
    private static Set<String> segmentOwners(String processor) {
        return new HashSet<>(jdbc.queryForList("select owner from eventstore.token_entry where processor_name = ?",
                String.class, processor));
    }

    private static String spread() {
        return jdbc.queryForList("""
                select processor_name || '/' || segment || '=' || coalesce(owner, '-') from eventstore.token_entry
                where processor_name in ('calendar-writer', 'managed-event-types', 'workflow-reminders',
                                         'payments-stripe')
                order by processor_name, segment""", String.class).toString();
    }

    private record Load(double rate, double firstHalfRate, int failed, List<long[]> made) {
    }

    /** Median, 99th percentile and maximum of the writes' answer times, in seconds. */
    private static String latencies(List<long[]> of) {
        long[] sorted = of.stream().mapToLong(w -> w[1]).sorted().toArray();
        if (sorted.length == 0) {
            return "-";
        }
        return "%.2f/%.2f/%.2f".formatted(seconds(sorted[sorted.length / 2]),
                seconds(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]),
                seconds(sorted[sorted.length - 1]));
    }

    /**
     * Clients 2h and 2h+1 book host h's quarter hours in the same order through different nodes, so
     * every slot is asked for twice and one of the two gets 409. A client whose node is gone moves on
     * to the next live node, as a load balancer would send it.
     */
    private static Load load(List<Host> hosts, List<Node> through, AtomicInteger[] nextSlot, Set<String> acknowledged,
                             Duration duration, Runnable midway) throws Exception {
        Instant firstSlot = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
        long began = System.nanoTime();
        long half = began + duration.toNanos() / 2;
        long end = began + duration.toNanos();
        AtomicInteger firstHalf = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Set<String> unread = ConcurrentHashMap.newKeySet();
        Set<Node> dead = ConcurrentHashMap.newKeySet();
        List<long[]> made = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> counts = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            counts.add(clients.submit(() -> {
                Host host = hosts.get(client / 2);
                int node = client % through.size();
                int booked = 0;
                while (System.nanoTime() < end) {
                    Node target = through.get(node % through.size());
                    if (dead.contains(target)) {
                        node++;
                        continue;
                    }
                    // The hours end at 23:59, so a day has 95 quarter hours that fit, the last one at 23:30.
                    int slot = nextSlot[client].getAndIncrement();
                    Instant start = firstSlot.plus(Duration.ofDays(slot / 95)).plus(Duration.ofMinutes(15L * (slot % 95)));
                    HttpResponse<String> response;
                    long sent = System.nanoTime();
                    try {
                        response = HTTP.send(HttpRequest.newBuilder(target.uri("/v2/bookings"))
                                .timeout(Duration.ofSeconds(20))
                                .header("Authorization", "Bearer " + host.key())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"start": "%s", "eventTypeId": %d, "attendee": {"name": "Load", "email":
                                         "load-%d@example.com", "timeZone": "UTC"}}"""
                                        .formatted(start, host.eventTypeId(), client)))
                                .build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        if (!target.process().isAlive()) {
                            dead.add(target);
                        }
                        continue;
                    }
                    if (response.statusCode() == 201) {
                        made.add(new long[] {sent, System.nanoTime() - sent});
                        String uid = JSON.readTree(response.body()).at("/data/uid").asText();
                        acknowledged.add(uid);
                        Node other = target;
                        for (int next = 1; next < through.size() && (other == target || !other.process().isAlive()); next++) {
                            other = through.get((node + next) % through.size());
                        }
                        if (other != target && other.process().isAlive()) {
                            readThroughAnotherNode(other, host, uid, unread);
                            crossNodeReads.incrementAndGet();
                        }
                        booked++;
                        if (System.nanoTime() < half) {
                            firstHalf.incrementAndGet();
                        }
                    } else if (response.statusCode() != 409) {
                        throw new AssertionError(response.statusCode() + " from " + target.name() + ": " + response.body());
                    }
                }
                return booked;
            }));
        }
        if (midway != null) {
            Thread.sleep(Math.max(0, (half - System.nanoTime()) / 1_000_000));
            midway.run();
        }
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        clients.shutdown();
        assertThat(unread).as("bookings another node did not show right after their 201").isEmpty();
        return new Load(total / seconds(duration.toNanos()), firstHalf.get() / seconds(duration.toNanos() / 2), failed.get(),
                made);
    }

    /** Read-your-writes across processes: the 201 came once the projections had the booking, wherever they run. */
    private static void readThroughAnotherNode(Node other, Host host, String uid, Set<String> unread)
            throws InterruptedException {
        try {
            int status = send(other, "GET", "/v2/bookings/" + uid, host.key(), null).statusCode();
            if (status != 200) {
                unread.add(uid + " " + status + " from " + other.name());
            }
        } catch (IOException e) {
            // The other node was killed meanwhile.
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Each node gets the test classpath (so the tests' bootstrap key) and its own name and port. */
    private static Node start(String name) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "scale-out")).resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-Duser.timezone=Pacific/Kiritimati",
                "-Ddisable-axoniq-console-message=true", "-cp", System.getProperty("java.class.path"),
                AllInOneApplication.class.getName(),
                "--server.port=0",
                "--calalt.node-name=" + name,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.hikari.maximum-pool-size=15",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=9")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Node node = new Node(name, log, process, new AtomicInteger());
        nodes.add(node);
        return node;
    }

    private static void awaitReady(Node node) {
        await().atMost(Duration.ofSeconds(Integer.getInteger("scale.start-seconds", 480))).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(node.process().isAlive()).as(node.name() + " died; see target/scale-out/" + node.name() + ".log")
                    .isTrue();
            try {
                return send(node, "GET", "/actuator/health/readiness", null, null).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static HttpResponse<String> send(Node node, String method, String path, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode call(Node node, String method, String path, String key, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(node, method, path, key, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body()).get("data");
    }

    /** A host free all day, with a quarter-hour event type and a webhook on every booking it gets. */
    private static Host host(Node node, int i) throws Exception {
        String tag = "scale-" + i + "-" + Long.toHexString(System.nanoTime());
        int id = call(node, "POST", "/v2/users", ADMIN_KEY, """
                {"email": "%s@example.com", "username": "%s"}""".formatted(tag, tag), 201).get("id").asInt();
        String key = call(node, "POST", "/v2/api-keys", ADMIN_KEY, "{\"userId\": %d}".formatted(id), 201)
                .get("apiKey").asText();
        // The new key is checked against the projected keys: the node answers once it has caught up.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> send(node, "GET", "/v2/me", key, null).statusCode() == 200);
        call(node, "POST", "/v2/schedules", key, """
                {"name": "Always", "timeZone": "UTC", "availability": [{"days": ["Monday", "Tuesday",
                  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], "startTime": "00:00",
                  "endTime": "23:59"}]}""", 201);
        int eventTypeId = call(node, "POST", "/v2/event-types", key, """
                {"title": "Quick", "slug": "%s", "lengthInMinutes": 15, "minimumBookingNotice": 0}""".formatted(tag),
                201).get("id").asInt();
        call(node, "POST", "/v2/webhooks", key, """
                {"subscriberUrl": "http://127.0.0.1:%d/hook", "secret": "scale", "active": true,
                 "triggers": ["BOOKING_CREATED"]}""".formatted(receiver.getAddress().getPort()), 201);
        return new Host(key, eventTypeId);
    }

    /** The owner of every row of the token store. */
    private static List<String> owners() {
        return jdbc.queryForList("select owner from eventstore.token_entry", String.class);
    }

    private static void awaitProjectionsCaughtUp(Node node) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode processor : call(node, "GET", "/v2/admin/projections", ADMIN_KEY, null, 200).get("processors")) {
                if (!processor.get("caughtUp").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A rebuild of every projection beside the live tables, compared table by table. */
    private static JsonNode verify(Node node) throws Exception {
        call(node, "POST", "/v2/admin/projections/verify", ADMIN_KEY, null, 202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode processor : call(node, "GET", "/v2/admin/projections", ADMIN_KEY, null, 200).get("processors")) {
                if (Set.of("BUILDING", "SWITCHING").contains(processor.at("/rebuild/state").asText())) {
                    return false;
                }
            }
            return true;
        });
        JsonNode status = call(node, "GET", "/v2/admin/projections", ADMIN_KEY, null, 200);
        for (JsonNode processor : status.get("processors")) {
            assertThat(processor.at("/rebuild/state").asText()).as(processor.toString()).isEqualTo("DONE");
            assertThat(processor.at("/rebuild/mode").asText()).isEqualTo("VERIFY");
        }
        return status;
    }
}
