package com.calcomalt.command.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookDeactivated;
import com.calcomalt.contracts.notifications.WebhookIds;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.platform.deadletters.DeadLetters;
import com.calcomalt.platform.secrets.SecretBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Booking events through the event store, the webhook-delivery processor and the durable scheduler
 * to a real HTTP server on loopback, which checks each signature the way a subscriber would.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WebhookDeliveryTest {

    private static final AtomicInteger IDS = new AtomicInteger(Integer.MAX_VALUE / 2 + 7_000_000);
    private static final String SECRET = "whsec-test-1";

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    SecretBox secrets;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    WebhookDeliveryTask task;

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    /** Per path, the statuses to answer in turn; 200 once they run out. */
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String path, String signature, String contentType, byte[] body, String webhookId,
                    String webhookTimestamp, String webhookSignature) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            var headers = exchange.getRequestHeaders();
            received.add(new Received(path, headers.getFirst("X-Cal-Signature-256"), headers.getFirst("Content-Type"),
                    body, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature")));
            Deque<Integer> queue = answers.get(path);
            Integer status = queue == null ? null : queue.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static int id() {
        return IDS.incrementAndGet();
    }

    private void publish(String type, String aggregateId, Object... payloads) {
        Long last = jdbc.queryForObject(
                "select max(sequence_number) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        long sequence = last == null ? 0 : last + 1;
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence++, payload));
        }
    }

    private String webhook(Integer userId, String path, String secret, String template,
                           WebhookTriggerEvent... triggers) {
        String webhookId = UUID.randomUUID().toString();
        publish("Webhook", WebhookIds.aggregateId(webhookId), new WebhookCreated(webhookId, userId, null, null,
                url(path), List.of(triggers), secrets.seal(secret), true, template, null, null, Instant.now()));
        return webhookId;
    }

    private BookingRequested booking(int hostId, Instant start, BookingStatus status) {
        return booking(hostId, start, start.plus(Duration.ofMinutes(30)), status);
    }

    private BookingRequested booking(int hostId, Instant start, Instant end, BookingStatus status) {
        int bookingId = id();
        String uid = "wh-" + bookingId;
        return new BookingRequested(bookingId, uid, null, hostId, List.of(hostId), "host" + hostId + "@example.com",
                "Intro \"call\" between us", "Notes", start, end, 0, 0,
                "integrations:daily", status,
                List.of(new BookingAttendee(id(), "Bob Booker", "bob@example.com", "Europe/Berlin", "de", null)),
                Map.of("name", "Bob Booker", "email", "bob@example.com"), Map.of(), Map.of("source", "test"), null,
                uid + "@cal.com", 0, null, null, null, null, null, CreationSource.api_v2, hostId,
                new BookingHostSnapshot(null, 30, null, "host" + hostId + "@example.com", "Hanna Host", "hanna" + hostId),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void book(BookingRequested booking) {
        publish("Booking", BookingIds.aggregateId(booking.uid()), booking);
    }

    private List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private Map<String, Object> delivery(String webhookId, String trigger) {
        return jdbc.queryForMap("select * from notifications.webhook_deliveries where webhook_id = ? and trigger_event = ?",
                webhookId, trigger);
    }

    private List<Map<String, Object>> attempts(String webhookId) {
        return jdbc.queryForList("""
                select a.* from notifications.webhook_delivery_attempts a
                join notifications.webhook_deliveries d on d.id = a.delivery_id
                where d.webhook_id = ? order by a.attempt""", webhookId);
    }

    private String status(String webhookId, String trigger) {
        List<String> statuses = jdbc.queryForList("select status from notifications.webhook_deliveries"
                + " where webhook_id = ? and trigger_event = ?", String.class, webhookId, trigger);
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** Standard Webhooks' check, as its libraries make it: "v1," and the base64 HMAC of "id.timestamp.body". */
    private static String standardSignature(byte[] key, Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((request.webhookId() + "." + request.webhookTimestamp() + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal(request.body()));
    }

    /** A delivery row as the dispatcher writes it, for the task to be run on directly. */
    private String pendingDelivery(String path) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into notifications.webhook_deliveries (id, webhook_id, booking_id, trigger_event,
                    subscriber_url, body, status, due_at, created_at, event_id)
                values (?, ?, null, 'BOOKING_CREATED', ?, '{"triggerEvent":"BOOKING_CREATED"}', 'PENDING', now(), now(), ?)""",
                id, UUID.randomUUID().toString(), url(path), UUID.randomUUID().toString());
        return id;
    }

    // ----------------------------------------------------------------------------------------------

    @Test
    void a_booking_is_posted_in_cal_coms_shape_and_signed_with_the_secret() throws Exception {
        int host = id();
        String webhookId = webhook(host, "/signed", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);
        BookingRequested booking = booking(host, Instant.now().plus(Duration.ofDays(3)), BookingStatus.accepted);
        book(booking);

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(webhookId, "BOOKING_CREATED")));
        assertThat(at("/signed")).hasSize(1);
        Received request = at("/signed").get(0);
        assertThat(request.signature()).isEqualTo(hmac(SECRET, request.body()));
        assertThat(request.signature()).isNotEqualTo(hmac("another secret", request.body()));
        assertThat(request.contentType()).isEqualTo("application/json");
        JsonNode body = request.json();
        assertThat(body.get("triggerEvent").asText()).isEqualTo("BOOKING_CREATED");
        assertThat(Instant.parse(body.get("createdAt").asText())).isNotNull();
        JsonNode payload = body.get("payload");
        assertThat(payload.get("uid").asText()).isEqualTo(booking.uid());
        assertThat(payload.get("bookingId").asInt()).isEqualTo(booking.bookingId());
        assertThat(payload.get("title").asText()).isEqualTo("Intro \"call\" between us");
        assertThat(Instant.parse(payload.get("startTime").asText())).isEqualTo(booking.startTime());
        assertThat(Instant.parse(payload.get("endTime").asText())).isEqualTo(booking.endTime());
        assertThat(payload.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(payload.get("location").asText()).isEqualTo("integrations:daily");
        assertThat(payload.at("/organizer/name").asText()).isEqualTo("Hanna Host");
        assertThat(payload.at("/organizer/email").asText()).isEqualTo("host" + host + "@example.com");
        assertThat(payload.at("/attendees/0/email").asText()).isEqualTo("bob@example.com");
        assertThat(payload.at("/attendees/0/language/locale").asText()).isEqualTo("de");
        assertThat(payload.at("/responses/name").asText()).isEqualTo("Bob Booker");
        assertThat(payload.at("/metadata/source").asText()).isEqualTo("test");

        List<Map<String, Object>> attempts = attempts(webhookId);
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0)).containsEntry("attempt", 1).containsEntry("http_status", 200)
                .containsEntry("error", null);
        assertThat(delivery(webhookId, "BOOKING_CREATED").get("body")).isEqualTo(
                new String(request.body(), StandardCharsets.UTF_8));
    }

    @Test
    void a_webhook_the_dispatcher_cannot_store_is_dead_lettered_and_every_other_webhook_still_delivers() {
        int host = id();
        String poisoned = webhook(host, "/poisoned", SECRET, "a\u0000b", WebhookTriggerEvent.BOOKING_CREATED);
        int otherHost = id();
        String healthy = webhook(otherHost, "/healthy", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);
        book(booking(otherHost, Instant.now().plus(Duration.ofDays(4)), BookingStatus.accepted));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(healthy, "BOOKING_CREATED")));
        assertThat(deadLetters.sequences()).filteredOn(s -> s.sequenceIdentifier().equals(WebhookIds.aggregateId(poisoned)))
                .singleElement()
                .satisfies(s -> assertThat(s.processingGroup()).isEqualTo(WebhookDispatcher.PROCESSING_GROUP));
        assertThat(jdbc.queryForObject("select count(*) from notifications.webhook_subscriptions where webhook_id = ?",
                Integer.class, poisoned)).isZero();

        assertThat(deadLetters.evict(WebhookDispatcher.PROCESSING_GROUP, WebhookIds.aggregateId(poisoned))).isTrue();
    }

    @Test
    void the_dispatcher_keeps_the_secret_sealed() {
        String webhookId = webhook(id(), "/sealed", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from notifications.webhook_subscriptions where webhook_id = ?", Integer.class,
                webhookId) == 1);
        String kept = jdbc.queryForObject(
                "select encrypted_secret from notifications.webhook_subscriptions where webhook_id = ?",
                String.class, webhookId);
        assertThat(kept).startsWith("v1:").doesNotContain(SECRET);
        assertThat(secrets.open(kept)).isEqualTo(SECRET);
    }

    @Test
    void a_secret_kept_in_plaintext_before_it_was_sealed_is_sealed_at_start() {
        String webhookId = UUID.randomUUID().toString();
        jdbc.update("""
                insert into notifications.webhook_subscriptions (webhook_id, user_id, subscriber_url, event_triggers,
                    encrypted_secret, active) values (?, ?, ?, '{BOOKING_CREATED}', ?, false)""",
                webhookId, id(), url("/legacy"), LegacyWebhookSecrets.MARK + SECRET);

        new LegacyWebhookSecrets(jdbc, secrets);

        String kept = jdbc.queryForObject(
                "select encrypted_secret from notifications.webhook_subscriptions where webhook_id = ?",
                String.class, webhookId);
        assertThat(kept).startsWith("v1:").doesNotContain(SECRET);
        assertThat(secrets.open(kept)).isEqualTo(SECRET);
    }

    @Test
    void without_a_secret_the_signature_says_so() {
        int host = id();
        String webhookId = webhook(host, "/unsigned", null, null, WebhookTriggerEvent.BOOKING_REQUESTED);
        book(booking(host, Instant.now().plus(Duration.ofDays(3)), BookingStatus.pending));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(webhookId, "BOOKING_REQUESTED")));
        assertThat(at("/unsigned").get(0).signature()).isEqualTo("no-secret-provided");
        assertThat(at("/unsigned").get(0).json().at("/payload/status").asText()).isEqualTo("PENDING");
    }

    @Test
    void server_errors_are_retried_with_back_off_until_one_succeeds() {
        int host = id();
        answers.put("/flaky", new ArrayDeque<>(List.of(500, 503)));
        String webhookId = webhook(host, "/flaky", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);
        book(booking(host, Instant.now().plus(Duration.ofDays(3)), BookingStatus.accepted));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(webhookId, "BOOKING_CREATED")));
        List<Map<String, Object>> attempts = attempts(webhookId);
        assertThat(attempts).extracting(a -> a.get("http_status")).containsExactly(500, 503, 200);
        assertThat(at("/flaky")).hasSize(3);
        assertThat(at("/flaky")).extracting(r -> new String(r.body(), StandardCharsets.UTF_8)).containsOnly(
                new String(at("/flaky").get(0).body(), StandardCharsets.UTF_8));
        assertThat(at("/flaky")).extracting(Received::webhookId)
                .as("every try carries the delivery's id, so a receiver can drop a copy")
                .containsOnly((String) delivery(webhookId, "BOOKING_CREATED").get("id"));
        Instant first = ((java.sql.Timestamp) attempts.get(0).get("attempted_at")).toInstant();
        Instant second = ((java.sql.Timestamp) attempts.get(1).get("attempted_at")).toInstant();
        Instant third = ((java.sql.Timestamp) attempts.get(2).get("attempted_at")).toInstant();
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(second, third)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void each_request_carries_standard_webhooks_headers_signed_with_the_secret() throws Exception {
        int host = id();
        String webhookId = webhook(host, "/standard", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);
        String base64Secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("a key of bytes".getBytes(
                StandardCharsets.UTF_8));
        String standard = webhook(host, "/standard-whsec", base64Secret, null, WebhookTriggerEvent.BOOKING_CREATED);
        Instant before = Instant.now().minusSeconds(1);
        book(booking(host, Instant.now().plus(Duration.ofDays(3)), BookingStatus.accepted));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(webhookId, "BOOKING_CREATED"))
                && "SUCCEEDED".equals(status(standard, "BOOKING_CREATED")));
        Received plain = at("/standard").get(0);
        assertThat(plain.webhookId()).isEqualTo(delivery(webhookId, "BOOKING_CREATED").get("id"));
        assertThat(Long.parseLong(plain.webhookTimestamp())).isBetween(before.getEpochSecond(),
                Instant.now().getEpochSecond());
        assertThat(plain.webhookSignature()).isEqualTo(standardSignature(SECRET.getBytes(StandardCharsets.UTF_8), plain));
        assertThat(plain.signature()).as("cal.com's own signature stays").isEqualTo(hmac(SECRET, plain.body()));
        Received whsec = at("/standard-whsec").get(0);
        assertThat(whsec.webhookId()).isEqualTo(delivery(standard, "BOOKING_CREATED").get("id"))
                .isNotEqualTo(plain.webhookId());
        assertThat(whsec.webhookSignature()).isEqualTo(standardSignature("a key of bytes".getBytes(
                StandardCharsets.UTF_8), whsec));
    }

    @Test
    void a_success_answered_before_its_node_died_is_not_sent_again() {
        String id = pendingDelivery("/answered");
        jdbc.update("""
                insert into notifications.webhook_delivery_attempts (delivery_id, attempt, attempted_at, duration_ms,
                    http_status, node) values (?, 1, now(), 12, 200, 'a-dead-node')""", id);

        task.attempt(id);

        assertThat(at("/answered")).isEmpty();
        assertThat(jdbc.queryForObject("select status from notifications.webhook_deliveries where id = ?",
                String.class, id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_post_in_flight_when_its_node_died_is_sent_again_under_the_same_id_and_the_lost_try_is_marked() {
        String id = pendingDelivery("/in-flight");
        jdbc.update("""
                insert into notifications.webhook_delivery_attempts (delivery_id, attempt, attempted_at, node)
                values (?, 1, now(), 'a-dead-node')""", id);

        task.attempt(id);

        assertThat(at("/in-flight")).extracting(Received::webhookId).containsExactly(id);
        List<Map<String, Object>> attempts = jdbc.queryForList("""
                select * from notifications.webhook_delivery_attempts where delivery_id = ? order by attempt""", id);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0)).containsEntry("node", "a-dead-node").containsEntry("http_status", null)
                .containsEntry("duration_ms", null);
        assertThat((String) attempts.get(0).get("error")).contains("no answer recorded");
        assertThat(attempts.get(1)).containsEntry("http_status", 200).containsEntry("error", null);
        assertThat((String) attempts.get(1).get("node")).isNotEqualTo("a-dead-node").isNotBlank();
        assertThat(jdbc.queryForObject("select status from notifications.webhook_deliveries where id = ?",
                String.class, id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_client_error_is_not_retried() throws Exception {
        int host = id();
        answers.put("/gone", new ArrayDeque<>(List.of(410, 410, 410)));
        String webhookId = webhook(host, "/gone", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);
        book(booking(host, Instant.now().plus(Duration.ofDays(3)), BookingStatus.accepted));

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(webhookId, "BOOKING_CREATED")));
        Thread.sleep(1_000);
        assertThat(at("/gone")).hasSize(1);
        assertThat(attempts(webhookId)).extracting(a -> a.get("http_status")).containsExactly(410);
    }

    @Test
    void an_unreachable_subscriber_is_tried_a_bounded_number_of_times() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        int host = id();
        String webhookId = UUID.randomUUID().toString();
        publish("Webhook", WebhookIds.aggregateId(webhookId), new WebhookCreated(webhookId, host, null, null,
                "http://127.0.0.1:" + port + "/nobody", List.of(WebhookTriggerEvent.BOOKING_CREATED), secrets.seal(SECRET), true,
                null, null, null, Instant.now()));
        book(booking(host, Instant.now().plus(Duration.ofDays(3)), BookingStatus.accepted));

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(webhookId, "BOOKING_CREATED")));
        List<Map<String, Object>> attempts = attempts(webhookId);
        assertThat(attempts).hasSize(5);
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.get("http_status")).isNull();
            assertThat((String) a.get("error")).contains("ConnectException");
        });
    }

    @Test
    void a_payload_template_shapes_the_body() throws Exception {
        int host = id();
        String webhookId = webhook(host, "/templated", SECRET,
                "{\"text\": \"{{triggerEvent}}: {{title}} with {{organizer.name}} at {{startTime}}\", \"len\": {{length}}}",
                WebhookTriggerEvent.BOOKING_CREATED);
        BookingRequested booking = booking(host, Instant.now().plus(Duration.ofDays(3)), BookingStatus.accepted);
        book(booking);

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(webhookId, "BOOKING_CREATED")));
        Received request = at("/templated").get(0);
        assertThat(request.json()).isEqualTo(json.readTree("{\"text\": \"BOOKING_CREATED: Intro \\\"call\\\" between us"
                + " with Hanna Host at " + booking.startTime() + "\", \"len\": 30}"));
        assertThat(request.signature()).isEqualTo(hmac(SECRET, request.body()));
    }

    @Test
    void inactive_and_non_matching_webhooks_get_nothing() {
        int host = id();
        int stranger = id();
        String active = webhook(host, "/match", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);
        String inactive = webhook(host, "/inactive", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);
        publish("Webhook", WebhookIds.aggregateId(inactive), new WebhookDeactivated(inactive, Instant.now()));
        String otherTrigger = webhook(host, "/other-trigger", SECRET, null, WebhookTriggerEvent.BOOKING_CANCELLED);
        String otherUser = webhook(stranger, "/other-user", SECRET, null, WebhookTriggerEvent.BOOKING_CREATED);
        book(booking(host, Instant.now().plus(Duration.ofDays(3)), BookingStatus.accepted));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(active, "BOOKING_CREATED")));
        // Deliveries are written in the transaction of the booking's event: none now means none ever.
        assertThat(jdbc.queryForObject("select count(*) from notifications.webhook_deliveries where webhook_id in (?, ?, ?)",
                Integer.class, inactive, otherTrigger, otherUser)).isZero();
        assertThat(received).extracting(Received::path).doesNotContain("/inactive", "/other-trigger", "/other-user");
    }

    @Test
    void a_managed_childs_booking_reaches_the_webhooks_of_its_parent_and_of_the_parents_team() {
        int member = id();
        int teamId = id();
        int parent = id();
        int child = id();
        jdbc.update("insert into command_side.event_types (event_type_id, user_id, team_id, parent_id, slug, length)"
                + " values (?, null, ?, null, ?, 30), (?, ?, null, ?, ?, 30)", parent, teamId, "managed-" + parent,
                child, member, parent, "managed-" + parent);
        String onParent = UUID.randomUUID().toString();
        publish("Webhook", WebhookIds.aggregateId(onParent), new WebhookCreated(onParent, null, null, parent,
                url("/parent"), List.of(WebhookTriggerEvent.BOOKING_CREATED), null, true, null, null, null,
                Instant.now()));
        String onTeam = UUID.randomUUID().toString();
        publish("Webhook", WebhookIds.aggregateId(onTeam), new WebhookCreated(onTeam, null, teamId, null,
                url("/team"), List.of(WebhookTriggerEvent.BOOKING_CREATED), null, true, null, null, null,
                Instant.now()));
        String onOtherType = UUID.randomUUID().toString();
        publish("Webhook", WebhookIds.aggregateId(onOtherType), new WebhookCreated(onOtherType, null, null, id(),
                url("/other-type"), List.of(WebhookTriggerEvent.BOOKING_CREATED), null, true, null, null, null,
                Instant.now()));
        BookingRequested booked = booking(member, Instant.now().plus(Duration.ofDays(3)), BookingStatus.accepted);
        book(new BookingRequested(booked.bookingId(), booked.uid(), child, booked.userId(), booked.hostIds(),
                booked.userPrimaryEmail(), booked.title(), booked.description(), booked.startTime(), booked.endTime(),
                booked.beforeEventBuffer(), booked.afterEventBuffer(), booked.location(), booked.status(),
                booked.attendees(), booked.responses(), booked.customInputs(), booked.metadata(),
                booked.smsReminderNumber(), booked.iCalUID(), booked.iCalSequence(), booked.idempotencyKey(),
                booked.fromReschedule(), booked.rescheduledBy(), booked.seat(), booked.tracking(),
                booked.creationSource(), booked.bookedBy(), booked.host(), booked.createdAt()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(onParent, "BOOKING_CREATED"))
                && "SUCCEEDED".equals(status(onTeam, "BOOKING_CREATED")));
        assertThat(status(onOtherType, "BOOKING_CREATED")).isNull();
        assertThat(received).extracting(Received::path).contains("/parent", "/team").doesNotContain("/other-type");
    }

    @Test
    void a_meeting_trigger_waits_in_the_scheduler_table_and_fires_at_its_time() {
        int host = id();
        String webhookId = webhook(host, "/started", SECRET, null, WebhookTriggerEvent.MEETING_STARTED);
        BookingRequested booking = booking(host,
                Instant.now().plus(Duration.ofSeconds(4)).truncatedTo(ChronoUnit.MILLIS), BookingStatus.accepted);
        book(booking);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(webhookId, "MEETING_STARTED") != null);
        String deliveryId = (String) delivery(webhookId, "MEETING_STARTED").get("id");
        Map<String, Object> task = jdbc.queryForMap("""
                select task_name, execution_time from scheduler.scheduled_tasks where task_instance = ?""", deliveryId);
        assertThat(task.get("task_name")).isEqualTo("webhook-delivery");
        assertThat(((java.sql.Timestamp) task.get("execution_time")).toInstant()).isEqualTo(booking.startTime());
        assertThat(at("/started")).isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(webhookId, "MEETING_STARTED")));
        assertThat(at("/started")).hasSize(1);
        assertThat(at("/started").get(0).json().get("triggerEvent").asText()).isEqualTo("MEETING_STARTED");
        assertThat(jdbc.queryForObject("select count(*) from scheduler.scheduled_tasks where task_instance = ?",
                Integer.class, deliveryId)).isZero();
    }

    @Test
    void a_cancelled_bookings_meeting_trigger_never_fires() throws Exception {
        int host = id();
        String webhookId = webhook(host, "/lifecycle", SECRET, null, WebhookTriggerEvent.MEETING_ENDED,
                WebhookTriggerEvent.BOOKING_CANCELLED);
        Instant start = Instant.now().plus(Duration.ofSeconds(1)).truncatedTo(ChronoUnit.MILLIS);
        BookingRequested booking = booking(host, start, start.plus(Duration.ofSeconds(3)), BookingStatus.accepted);
        book(booking);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(webhookId, "MEETING_ENDED") != null);
        String deliveryId = (String) delivery(webhookId, "MEETING_ENDED").get("id");
        assertThat(jdbc.queryForObject("select count(*) from scheduler.scheduled_tasks where task_instance = ?",
                Integer.class, deliveryId)).isOne();

        publish("Booking", BookingIds.aggregateId(booking.uid()),
                new BookingCancelled(booking.uid(), booking.bookingId(), "Cannot make it", "bob@example.com",
                        Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(status(webhookId, "BOOKING_CANCELLED")));
        assertThat(status(webhookId, "MEETING_ENDED")).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from scheduler.scheduled_tasks where task_instance = ?",
                Integer.class, deliveryId)).isZero();
        JsonNode cancelled = at("/lifecycle").get(0).json();
        assertThat(cancelled.get("triggerEvent").asText()).isEqualTo("BOOKING_CANCELLED");
        assertThat(cancelled.at("/payload/status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.at("/payload/cancellationReason").asText()).isEqualTo("Cannot make it");

        Thread.sleep(Duration.between(Instant.now(), booking.endTime()).plusSeconds(1).toMillis());
        assertThat(at("/lifecycle")).hasSize(1);
    }

    @Test
    void the_delivery_processor_cannot_be_replayed() {
        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(WebhookDispatcher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(processor.supportsReset()).isFalse();
    }
}
