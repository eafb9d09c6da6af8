package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks over HTTP: made, guarded, delivered for a booking's whole life, shown with their attempts, never replayed. */
class WebhooksApiTest extends ApiTest {

    private static final String SECRET = "whsec-api-test";

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private HttpServer receiver;
    private final List<String[]> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {exchange.getRequestHeaders().getFirst("X-Cal-Signature-256"),
                    new String(body, StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/calcom";
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private int eventTypeWithBerlinHours(Member host) {
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Intro call", "slug": "hooked-%s", "lengthInMinutes": 30}""".formatted(tag)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private List<String> triggersReceived() {
        return received.stream().map(r -> {
            try {
                return json.readTree(r[1]).get("triggerEvent").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void a_webhook_receives_a_bookings_life_signed_and_its_deliveries_are_shown_with_their_attempts() throws Exception {
        Member host = newMember("hooked", "example.com");
        Member booker = newMember("booker", "example.com");
        Member stranger = newMember("stranger", "example.com");
        int eventTypeId = eventTypeWithBerlinHours(host);

        Response created = as(host.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "%s", "secret": "%s", "active": true,
                 "triggers": ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "MEETING_ENDED"]}"""
                .formatted(receiverUrl(), SECRET)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().toString()).doesNotContain(SECRET);
        String webhookId = created.data().get("id").asText();
        assertThat(created.location()).endsWith("/v2/webhooks/" + webhookId);

        Response shown = as(host.key(), () -> get("/v2/webhooks/" + webhookId));
        assertThat(shown.status().value()).isEqualTo(200);
        assertThat(shown.body().toString()).doesNotContain(SECRET);
        assertThat(shown.data().get("hasSecret").asBoolean()).isTrue();
        assertThat(shown.data().get("subscriberUrl").asText()).isEqualTo(receiverUrl());
        assertThat(as(host.key(), () -> get("/v2/webhooks")).data()).extracting(w -> w.get("id").asText())
                .contains(webhookId);
        assertThat(as(stranger.key(), () -> get("/v2/webhooks/" + webhookId)).status().value()).isEqualTo(404);
        assertThat(as(stranger.key(), () -> get("/v2/webhooks/" + webhookId + "/deliveries")).status().value())
                .isEqualTo(404);
        assertThat(as(stranger.key(), () -> post("/v2/webhooks/" + webhookId + "/deactivate", null)).status().value())
                .isEqualTo(403);

        Response booked = as(booker.key(), () -> post("/v2/bookings", """
                {"start": "2027-12-06T09:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(eventTypeId, tag)));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String first = booked.data().get("uid").asText();
        Response moved = as(booker.key(), () -> post("/v2/bookings/" + first + "/reschedule", """
                {"start": "2027-12-07T10:00:00Z", "reschedulingReason": "Clash"}"""));
        assertThat(moved.status().value()).as(moved.body().toString()).isEqualTo(201);
        String second = moved.data().get("uid").asText();
        assertThat(as(host.key(), () -> post("/v2/bookings/" + second + "/cancel", """
                {"cancellationReason": "Ill"}""")).status().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
        // deliveries due at the same moment run on parallel scheduler threads: they may arrive in any order
        assertThat(triggersReceived()).containsExactlyInAnyOrder("BOOKING_CREATED", "BOOKING_RESCHEDULED",
                "BOOKING_CANCELLED");
        for (String[] request : received) {
            assertThat(request[0]).as("signature").isEqualTo(hmac(request[1]));
        }
        JsonNode rescheduled = json.readTree(received.get(triggersReceived().indexOf("BOOKING_RESCHEDULED"))[1])
                .get("payload");
        assertThat(rescheduled.get("uid").asText()).isEqualTo(second);
        assertThat(rescheduled.get("rescheduleUid").asText()).isEqualTo(first);
        assertThat(json.readTree(received.get(triggersReceived().indexOf("BOOKING_CANCELLED"))[1])
                .at("/payload/cancellationReason").asText()).isEqualTo("Ill");

        await().atMost(Duration.ofSeconds(10)).until(() -> as(host.key(),
                () -> get("/v2/webhooks/" + webhookId + "/deliveries")).data().size() == 5);
        JsonNode deliveries = as(host.key(), () -> get("/v2/webhooks/" + webhookId + "/deliveries")).data();
        List<String> outcomes = StreamSupport.stream(deliveries.spliterator(), false)
                .map(d -> d.get("triggerEvent").asText() + ":" + d.get("status").asText()).sorted().toList();
        assertThat(outcomes).containsExactly("BOOKING_CANCELLED:SUCCEEDED", "BOOKING_CREATED:SUCCEEDED",
                "BOOKING_RESCHEDULED:SUCCEEDED", "MEETING_ENDED:CANCELLED", "MEETING_ENDED:CANCELLED");
        for (JsonNode delivery : deliveries) {
            if (delivery.get("status").asText().equals("SUCCEEDED")) {
                assertThat(delivery.get("attempts")).hasSize(1);
                assertThat(delivery.at("/attempts/0/httpStatus").asInt()).isEqualTo(200);
                assertThat(delivery.at("/attempts/0/attemptedAt").asText()).isNotEmpty();
            } else {
                assertThat(delivery.get("attempts")).as("a cancelled meeting trigger never fires").isEmpty();
            }
        }
        assertThat(deliveries.toString()).doesNotContain(SECRET);

        awaitProjectionsCaughtUp();
        List<String> webhookRows = jdbc.queryForList(
                "select row_to_json(w)::text from \"Webhook\" w order by id", String.class);
        as(ADMIN_KEY, () -> post("/v2/admin/projections/replay", null));
        awaitProjectionsCaughtUp();
        Thread.sleep(1_000);
        assertThat(received).as("a replay sends nothing again").hasSize(3);
        assertThat(jdbc.queryForList("select row_to_json(w)::text from \"Webhook\" w order by id", String.class))
                .isEqualTo(webhookRows);
    }

    @Test
    void bad_webhooks_are_refused_with_problem_details() {
        Member owner = newMember("refused", "example.com");
        Response relative = as(owner.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "/relative", "triggers": ["BOOKING_CREATED"]}"""));
        assertThat(relative.status().value()).isEqualTo(422);
        assertThat(relative.contentType()).startsWith("application/problem+json");
        Response noTriggers = as(owner.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/hook", "triggers": []}"""));
        assertThat(noTriggers.status().value()).isEqualTo(400);
        Response unknownTrigger = as(owner.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/hook", "triggers": ["BOOKING_EXPLODED"]}"""));
        assertThat(unknownTrigger.status().value()).isEqualTo(400);
        Response twice = as(owner.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/%s", "triggers": ["BOOKING_CREATED"]}""".formatted(tag)));
        assertThat(twice.status().value()).isEqualTo(201);
        assertThat(as(owner.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/%s", "triggers": ["BOOKING_CANCELLED"]}""".formatted(tag)))
                .status().value()).as("one URL per user, as cal.com's unique key").isEqualTo(409);
        String id = twice.data().get("id").asText();
        assertThat(as(owner.key(), () -> patch("/v2/webhooks/" + id, """
                {"active": false, "triggers": ["MEETING_STARTED"]}""")).status().value()).isEqualTo(200);
        JsonNode changed = as(owner.key(), () -> get("/v2/webhooks/" + id)).data();
        assertThat(changed.get("active").asBoolean()).isFalse();
        assertThat(changed.get("triggers")).extracting(JsonNode::asText).containsExactly("MEETING_STARTED");
        assertThat(as(owner.key(), () -> delete("/v2/webhooks/" + id)).status().value()).isEqualTo(204);
        assertThat(as(owner.key(), () -> get("/v2/webhooks/" + id)).status().value()).isEqualTo(404);
        assertThat(as(owner.key(), () -> delete("/v2/webhooks/" + id)).status().value()).isEqualTo(404);
    }
}
