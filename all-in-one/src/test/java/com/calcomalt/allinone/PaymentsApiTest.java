package com.calcomalt.allinone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.stripe.Stripe;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A paid event type booked and paid as a new user would, with the real stripe-java client against a
 * WireMock fake of the Stripe endpoints used, answering in Stripe's documented shapes, and webhooks
 * signed exactly as Stripe signs them.
 */
class PaymentsApiTest extends ApiTest {

    private static final String WEBHOOK_SECRET = "whsec_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("calalt.stripe.secret-key", () -> "sk_test_calalt");
        properties.add("calalt.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        properties.add("calalt.stripe.api-base", STRIPE::baseUrl);
        properties.add("calalt.stripe.calls.initial-backoff", () -> "1s");
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
        Stripe.overrideApiBase(Stripe.LIVE_API_BASE);
    }

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        STRIPE.resetAll();
        STRIPE.stubFor(WireMock.post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "pi_%1$s", "object": "payment_intent", "amount": 5000, "currency": "eur",
                         "client_secret": "pi_%1$s_secret_test", "status": "requires_payment_method",
                         "capture_method": "automatic", "livemode": false, "metadata": {}}""".formatted(tag))));
        STRIPE.stubFor(WireMock.post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "re_%1$s", "object": "refund", "amount": 5000, "currency": "eur",
                         "payment_intent": "pi_%1$s", "status": "succeeded", "metadata": {}}""".formatted(tag))));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    /** Stripe's signature: HMAC-SHA256 of "{timestamp}.{payload}" with the endpoint secret, in hex. */
    private static String stripeSignature(String payload, String secret, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signed = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload)
                .getBytes(StandardCharsets.UTF_8)));
        return "t=" + timestamp + ",v1=" + signed;
    }

    private int sendToWebhook(String payload, String signature) {
        ResponseEntity<String> response = http.method(HttpMethod.POST).uri("/v2/payments/stripe/webhook")
                .header("Stripe-Signature", signature).contentType(MediaType.APPLICATION_JSON).body(payload)
                .retrieve().toEntity(String.class);
        return response.getStatusCode().value();
    }

    private Map<String, Object> paymentOf(int bookingId) {
        return jdbc.queryForMap("""
                select uid, amount, fee, currency, success, refunded, "externalId", "appId",
                       "paymentOption"::text as option, data->>'client_secret' as secret
                from "Payment" where "bookingId" = ?""", bookingId);
    }

    @Test
    void a_paid_booking_waits_for_its_payment_is_paid_by_a_signed_stripe_webhook_once_and_refunded_once() throws Exception {
        Member host = newMember("paid-host", "example.com");
        Member booker = newMember("paid-booker", "example.com");
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Paid call", "slug": "paid-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 5000, "currency": "eur", "enabled": true,
                                                  "paymentOption": "ON_BOOKING", "refundPolicy": "always"}}}}"""
                .formatted(tag)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        int eventTypeId = created.data().get("id").asInt();
        assertThat(as(host.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "http://127.0.0.1:%d/paid", "secret": "hook-secret", "active": true,
                 "triggers": ["BOOKING_PAYMENT_INITIATED", "BOOKING_PAID"]}"""
                .formatted(receiver.getAddress().getPort()))).status().value()).isEqualTo(201);
        assertThat(as(host.key(), () -> post("/v2/event-types", """
                {"title": "Bad", "slug": "bad-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 5000, "currency": "eurx", "enabled": true}}}}"""
                .formatted(tag))).status().value()).isEqualTo(422);

        String booking = """
                {"start": "2027-12-06T09:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(eventTypeId, tag);
        Response booked = as(booker.key(), () -> post("/v2/bookings", booking));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        assertThat(booked.data().get("status").asText()).isEqualTo("pending");
        String uid = booked.data().get("uid").asText();
        int bookingId = booked.data().get("id").asInt();
        assertThat(as(booker.key(), () -> post("/v2/bookings", booking)).status().value())
                .as("the slot is held while the booking waits for its payment").isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from \"Payment\" where \"bookingId\" = ?", Long.class, bookingId) == 1);
        assertThat(paymentOf(bookingId)).containsEntry("amount", 5000).containsEntry("fee", 0)
                .containsEntry("currency", "eur").containsEntry("success", false).containsEntry("refunded", false)
                .containsEntry("externalId", "pi_" + tag).containsEntry("appId", "stripe")
                .containsEntry("option", "ON_BOOKING").containsEntry("secret", "pi_" + tag + "_secret_test");
        assertThat(jdbc.queryForObject("select paid from \"Booking\" where id = ?", Boolean.class, bookingId)).isFalse();
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("payment-intent-" + uid))
                .withHeader("Authorization", equalTo("Bearer sk_test_calalt")));

        String event = """
                {"id": "evt_%1$s", "object": "event", "api_version": "%2$s", "created": %3$d, "livemode": false,
                 "type": "payment_intent.succeeded", "pending_webhooks": 1, "request": {"id": null},
                 "data": {"object": {"id": "pi_%1$s", "object": "payment_intent", "amount": 5000, "currency": "eur",
                                     "status": "succeeded", "metadata": {"bookingUid": "%4$s"}}}}"""
                .formatted(tag, Stripe.API_VERSION, Instant.now().getEpochSecond(), uid);
        long now = Instant.now().getEpochSecond();
        assertThat(sendToWebhook(event, stripeSignature(event, "whsec_forged", now))).isEqualTo(400);
        assertThat(sendToWebhook(event, stripeSignature(event, WEBHOOK_SECRET, now - 3600)))
                .as("a signature older than Stripe's tolerance").isEqualTo(400);
        assertThat(sendToWebhook(event, stripeSignature(event, WEBHOOK_SECRET, now))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select paid from \"Booking\" where id = ?", Boolean.class, bookingId)));
        assertThat(awaitStatus(host, uid, "accepted")).isEqualTo("accepted");
        assertThat(paymentOf(bookingId)).containsEntry("success", true).containsEntry("refunded", false);
        long events = storedEvents();
        assertThat(sendToWebhook(event, stripeSignature(event, WEBHOOK_SECRET, Instant.now().getEpochSecond())))
                .as("the same Stripe event again").isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertThat(storedEvents()).as("the same Stripe event changes nothing the second time").isEqualTo(events);

        await().atMost(Duration.ofSeconds(20)).until(() -> triggers().containsAll(
                List.of("BOOKING_PAYMENT_INITIATED", "BOOKING_PAID")));

        assertThat(as(host.key(), () -> post("/v2/bookings/" + uid + "/cancel", """
                {"cancellationReason": "Ill"}""")).status().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(paymentOf(bookingId).get("refunded")));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + paymentOf(bookingId).get("uid"))));

        List<String> payments = jdbc.queryForList("select row_to_json(p)::text from \"Payment\" p order by id",
                String.class);
        int stripeCalls = STRIPE.getAllServeEvents().size();
        Response replay = as(ADMIN_KEY, () -> post("/v2/admin/projections/replay?processor=calcom-projections", null));
        assertThat(replay.status().value()).as(String.valueOf(replay.body())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> !List.of("BUILDING",
                "SWITCHING").contains(rebuildState()));
        assertThat(rebuildState()).isEqualTo("DONE");
        assertThat(jdbc.queryForList("select row_to_json(p)::text from \"Payment\" p order by id", String.class))
                .as("a replay changes no Payment row").isEqualTo(payments);
        assertThat(STRIPE.getAllServeEvents()).as("a replay calls no Stripe endpoint").hasSize(stripeCalls);
    }

    private String awaitStatus(Member host, String uid, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response shown = as(host.key(), () -> get("/v2/bookings/" + uid));
            return shown.status().value() == 200 && status.equals(shown.data().get("status").asText());
        });
        return as(host.key(), () -> get("/v2/bookings/" + uid)).data().get("status").asText();
    }

    private String rebuildState() {
        JsonNode status = as(ADMIN_KEY, () -> get("/v2/admin/projections")).data();
        for (JsonNode processor : status.get("processors")) {
            if ("calcom-projections".equals(processor.get("name").asText())) {
                return processor.get("rebuild").get("state").asText();
            }
        }
        throw new AssertionError("no calcom-projections in " + status);
    }

    private List<String> triggers() {
        return received.stream().map(body -> {
            try {
                return json.readTree(body).get("triggerEvent").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
