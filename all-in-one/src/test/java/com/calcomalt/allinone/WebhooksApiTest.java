package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.platform.secrets.SecretBox;
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
import org.springframework.beans.factory.annotation.Autowired;

/** Webhooks over HTTP: made, guarded, delivered for a booking's whole life, shown with their attempts, never replayed. */
class WebhooksApiTest extends ApiTest {

    private static final String SECRET = "whsec-api-test";

    @Autowired
    SecretBox secrets;

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
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
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

    private JsonNode payloadOf(String trigger) throws IOException {
        for (String[] request : received) {
            JsonNode body = json.readTree(request[1]);
            if (body.get("triggerEvent").asText().equals(trigger)) {
                return body.get("payload");
            }
        }
        throw new AssertionError("No " + trigger + " received");
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

        awaitProjectionsCaughtUp();
        Response shown = as(host.key(), () -> get("/v2/webhooks/" + webhookId));
        assertThat(shown.status().value()).isEqualTo(200);
        assertThat(shown.data()).as("a read shows the answer").isEqualTo(created.data());
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
                {"start": "2094-12-06T09:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(eventTypeId, tag)));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String first = booked.data().get("uid").asText();
        Response moved = as(booker.key(), () -> post("/v2/bookings/" + first + "/reschedule", """
                {"start": "2094-12-07T10:00:00Z", "reschedulingReason": "Clash"}"""));
        assertThat(moved.status().value()).as(moved.body().toString()).isEqualTo(201);
        String second = moved.data().get("uid").asText();
        assertThat(as(host.key(), () -> post("/v2/bookings/" + second + "/cancel", """
                {"cancellationReason": "Ill"}""")).status().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
        // Deliveries run in parallel, so they may arrive in any order; each carries its createdAt.
        assertThat(triggersReceived()).containsExactlyInAnyOrder("BOOKING_CREATED", "BOOKING_RESCHEDULED",
                "BOOKING_CANCELLED");
        for (String[] request : received) {
            assertThat(request[0]).as("signature").isEqualTo(hmac(request[1]));
        }
        JsonNode rescheduled = payloadOf("BOOKING_RESCHEDULED");
        assertThat(rescheduled.get("uid").asText()).isEqualTo(second);
        assertThat(rescheduled.get("rescheduleUid").asText()).isEqualTo(first);
        assertThat(payloadOf("BOOKING_CANCELLED").get("cancellationReason").asText()).isEqualTo("Ill");

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
    void a_webhooks_secret_is_sealed_in_the_event_store_and_plaintext_only_in_cal_coms_table() {
        Member owner = newMember("sealed", "example.com");
        String first = "whsec-first-" + tag;
        String second = "whsec-second-" + tag;
        Response created = as(owner.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/sealed-%s", "secret": "%s", "triggers": ["BOOKING_CREATED"]}"""
                .formatted(tag, first)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        String id = created.data().get("id").asText();
        assertThat(as(owner.key(), () -> patch("/v2/webhooks/" + id, """
                {"secret": "%s"}""".formatted(second))).status().value()).isEqualTo(200);
        awaitProjectionsCaughtUp();

        for (String secret : List.of(first, second)) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from eventstore.domain_event_entry
                    where position(convert_to(?, 'UTF8') in payload) > 0
                       or position(convert_to(?, 'UTF8') in coalesce(meta_data, ''::bytea)) > 0""",
                    Integer.class, secret, secret)).as("events holding " + secret).isZero();
        }
        List<String> payloads = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from eventstore.domain_event_entry
                where aggregate_identifier = ? order by sequence_number""", String.class, "webhook:" + id);
        assertThat(payloads).hasSize(2)
                .allSatisfy(payload -> assertThat(payload).contains("\"encryptedSecret\":\"v1:"));
        await().atMost(Duration.ofSeconds(10)).until(() -> second.equals(secrets.open(jdbc.queryForList(
                "select encrypted_secret from notifications.webhook_subscriptions where webhook_id = ?", String.class,
                id).stream().findFirst().orElse(null))));
        assertThat(jdbc.queryForObject("select encrypted_secret from notifications.webhook_subscriptions"
                + " where webhook_id = ?", String.class, id)).as("the dispatcher's copy").startsWith("v1:")
                .doesNotContain(second);
        assertThat(jdbc.queryForObject("select secret from \"Webhook\" where id = ?", String.class, id))
                .as("cal.com's column keeps it as cal.com does").isEqualTo(second);
    }

    @Test
    void a_webhooks_secret_and_payload_template_sent_as_null_are_removed_and_the_rest_stays() {
        Member owner = newMember("unsealed", "example.com");
        Response created = as(owner.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/unsealed-%s", "secret": "whsec-%s",
                 "payloadTemplate": "{\\"uid\\": \\"{{uid}}\\"}", "triggers": ["BOOKING_CREATED"]}"""
                .formatted(tag, tag)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        String id = created.data().get("id").asText();
        String row = "select secret, \"payloadTemplate\", \"subscriberUrl\" from \"Webhook\" where id = ?";
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForMap(row, id)).doesNotContainValue(null);

        Response kept = as(owner.key(), () -> patch("/v2/webhooks/" + id, "{\"active\": true}"));
        assertThat(kept.status().value()).as(kept.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForMap(row, id)).containsEntry("secret", "whsec-" + tag);

        Response removed = as(owner.key(), () -> patch("/v2/webhooks/" + id,
                "{\"secret\": null, \"payloadTemplate\": null}"));
        assertThat(removed.status().value()).as(removed.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForMap(row, id)).containsEntry("secret", null).containsEntry("payloadTemplate", null)
                .containsEntry("subscriberUrl", "https://example.com/unsealed-" + tag);
    }

    @Test
    void a_teams_webhook_is_managed_by_its_admins_and_hears_the_teams_bookings_only() throws Exception {
        Member owner = newMember("team-owner", "example.com");
        Member member = newMember("team-member", "example.com");
        Member booker = newMember("team-booker", "example.com");
        int personalType = eventTypeWithBerlinHours(owner);
        Response team = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Hooks", "slug": "hooks-%s"}""".formatted(tag)));
        assertThat(team.status().value()).as(team.body().toString()).isEqualTo(201);
        int teamId = team.data().get("id").asInt();
        int membershipId = as(owner.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(member.id()))).data().get("id").asInt();
        assertThat(as(member.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId,
                "{\"accepted\": true}")).status().value()).isEqualTo(200);
        Response teamType = as(owner.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Team call", "slug": "team-call", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE",
                 "hosts": [{"userId": %d, "mandatory": true}]}""".formatted(owner.id())));
        assertThat(teamType.status().value()).as(teamType.body().toString()).isEqualTo(201);
        int teamTypeId = teamType.data().get("id").asInt();
        String hook = """
                {"subscriberUrl": "%s", "secret": "%s", "triggers": ["BOOKING_CREATED"]}""".formatted(receiverUrl(), SECRET);

        long events = storedEvents();
        Response refused = as(member.key(), () -> post("/v2/teams/" + teamId + "/webhooks", hook));
        assertThat(refused.status().value()).as("a plain member may not").isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(as(booker.key(), () -> post("/v2/teams/" + teamId + "/webhooks", hook)).status().value())
                .as("an outsider may not").isIn(403, 404);
        assertThat(storedEvents()).as("nothing was written").isEqualTo(events);
        Response created = as(owner.key(), () -> post("/v2/teams/" + teamId + "/webhooks", hook));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        String webhookId = created.data().get("id").asText();
        awaitProjectionsCaughtUp();
        assertThat(as(owner.key(), () -> get("/v2/teams/" + teamId + "/webhooks")).data())
                .extracting(w -> w.get("id").asText()).containsExactly(webhookId);
        assertThat(as(member.key(), () -> post("/v2/webhooks/" + webhookId + "/deactivate", null)).status().value())
                .isIn(403, 404);

        Response personal = as(booker.key(), () -> post("/v2/bookings", """
                {"start": "2094-12-06T09:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Pers Onal", "email": "personal-%s@example.com", "timeZone": "UTC"}}"""
                .formatted(personalType, tag)));
        assertThat(personal.status().value()).as(personal.body().toString()).isEqualTo(201);
        Response teamBooking = as(booker.key(), () -> post("/v2/bookings", """
                {"start": "2094-12-06T10:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Tea Mmate", "email": "team-%s@example.com", "timeZone": "UTC"}}"""
                .formatted(teamTypeId, tag)));
        assertThat(teamBooking.status().value()).as(teamBooking.body().toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        Thread.sleep(500);
        assertThat(received).as("the team's booking only, not the owner's personal one").hasSize(1);
        assertThat(received.get(0)[0]).isEqualTo(hmac(received.get(0)[1]));
        assertThat(json.readTree(received.get(0)[1]).at("/payload/uid").asText())
                .isEqualTo(teamBooking.data().get("uid").asText());
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
        assertThat(as(owner.key(), () -> post("/v2/webhooks", """
                {"subscriberUrl": "https://example.com/v-%s", "triggers": ["BOOKING_CREATED"], "version": "2020-01-01"}"""
                .formatted(tag))).status().value()).as("cal.com has one payload version").isEqualTo(400);
        Response patched = as(owner.key(), () -> patch("/v2/webhooks/" + id, """
                {"active": false, "triggers": ["MEETING_STARTED"], "version": "2021-10-20"}"""));
        assertThat(patched.status().value()).isEqualTo(200);
        assertThat(patched.data().get("active").asBoolean()).as("the answer is the whole webhook, as cal.com's").isFalse();
        assertThat(patched.data().get("subscriberUrl").asText()).isEqualTo("https://example.com/" + tag);
        awaitProjectionsCaughtUp();
        JsonNode changed = as(owner.key(), () -> get("/v2/webhooks/" + id)).data();
        assertThat(changed).as("a read shows the answer").isEqualTo(patched.data());
        assertThat(changed.get("triggers")).extracting(JsonNode::asText).containsExactly("MEETING_STARTED");
        assertThat(as(owner.key(), () -> get("/v2/webhooks?take=1&skip=0")).data()).hasSize(1);
        assertThat(as(owner.key(), () -> get("/v2/webhooks?skip=1")).data()).isEmpty();
        Response deleted = as(owner.key(), () -> delete("/v2/webhooks/" + id));
        assertThat(deleted.status().value()).as("cal.com answers the deleted webhook").isEqualTo(200);
        assertThat(deleted.data()).isEqualTo(changed);
        assertThat(as(owner.key(), () -> get("/v2/webhooks/" + id)).status().value()).isEqualTo(404);
        assertThat(as(owner.key(), () -> delete("/v2/webhooks/" + id)).status().value()).isEqualTo(404);
    }
}
