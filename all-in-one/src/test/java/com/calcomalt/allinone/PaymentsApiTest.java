package com.calcomalt.allinone;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.Stripe;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A paid event type booked and paid as a new user would, with the real stripe-java client against
 * {@link StripeFake}, and webhooks signed exactly as Stripe signs them.
 */
class PaymentsApiTest extends ApiTest {

    private static final WireMockServer STRIPE = StripeFake.server();

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
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private static String stripeSignature(String payload, String secret, long timestamp) {
        return StripeFake.signature(payload, secret, timestamp);
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

    /** Until each seat pays for itself, no event type is both paid and seated, so no seat is booked for free. */
    @Test
    void an_event_type_is_not_both_paid_and_seated_until_paid_seats_are_supported() {
        Member host = newMember("seat-host", "example.com");
        String stripe = """
                "metadata": {"apps": {"stripe": {"price": 5000, "currency": "eur", "enabled": true}}}""";
        String seats = """
                "seats": {"seatsPerTimeSlot": 3, "showAttendeeInfo": false, "showAvailabilityCount": true}""";

        Response both = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Paid seats", "slug": "paid-seats-%s", "lengthInMinutes": 30, %s, %s}"""
                .formatted(tag, stripe, seats)));
        assertThat(both.status().value()).as(String.valueOf(both.body())).isEqualTo(422);
        assertThat(both.body().get("detail").asText()).contains("Paid seats are not supported yet");

        Response seated = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Seated", "slug": "seated-%s", "lengthInMinutes": 30, %s}""".formatted(tag, seats)));
        assertThat(seated.status().value()).as(String.valueOf(seated.body())).isEqualTo(201);
        int seatedId = seated.data().get("id").asInt();
        Response madePaid = as(host.key(), () -> patch("/v2/event-types/" + seatedId, "{" + stripe + "}"));
        assertThat(madePaid.status().value()).as(String.valueOf(madePaid.body())).isEqualTo(422);
        assertThat(madePaid.body().get("detail").asText()).contains("Paid seats are not supported yet");

        Response paid = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Paid", "slug": "paid-alone-%s", "lengthInMinutes": 30, %s}""".formatted(tag, stripe)));
        assertThat(paid.status().value()).as(String.valueOf(paid.body())).isEqualTo(201);
        int paidId = paid.data().get("id").asInt();
        Response madeSeated = as(host.key(), () -> patch("/v2/event-types/" + paidId, "{" + seats + "}"));
        assertThat(madeSeated.status().value()).as(String.valueOf(madeSeated.body())).isEqualTo(422);
        assertThat(madeSeated.body().get("detail").asText()).contains("Paid seats are not supported yet");

        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("select count(*) from \"EventType\" where slug = ?", Long.class,
                "paid-seats-" + tag)).isZero();
        assertThat(String.valueOf(jdbc.queryForObject("select metadata::text from \"EventType\" where id = ?",
                String.class, seatedId))).doesNotContain("stripe");
        assertThat(jdbc.queryForObject("select \"seatsPerTimeSlot\" from \"EventType\" where id = ?",
                Integer.class, paidId)).isNull();
    }

    @Test
    void a_paid_booking_waits_for_its_payment_is_paid_by_a_signed_stripe_webhook_once_and_refunded_once() throws Exception {
        Member host = newMember("paid-host", "example.com");
        Member booker = newMember("paid-booker", "example.com");
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Berlin office", "timeZone": "Europe/Berlin",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
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
                 "triggers": ["BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_REQUESTED", "BOOKING_CREATED"]}"""
                .formatted(receiver.getAddress().getPort()))).status().value()).isEqualTo(201);
        assertThat(as(host.key(), () -> post("/v2/event-types", """
                {"title": "Bad", "slug": "bad-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 5000, "currency": "eurx", "enabled": true}}}}"""
                .formatted(tag))).status().value()).isEqualTo(422);

        int initiatedStep = workflow(host, eventTypeId, "bookingPaymentInitiated");
        int newEventStep = workflow(host, eventTypeId, "newEvent");

        String booking = """
                {"start": "2094-12-06T09:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(eventTypeId, tag);
        Response booked = as(booker.key(), () -> post("/v2/bookings", booking));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        assertThat(booked.data().get("status").asText()).isEqualTo("pending");
        assertThat(booked.data().get("paid").asBoolean()).isFalse();
        String uid = booked.data().get("uid").asText();
        int bookingId = booked.data().get("id").asInt();
        JsonNode toPay = booked.data().get("payment");
        assertThat(toPay).as("the answer carries what the booker pays with: " + booked.body()).hasSize(1);
        assertThat(as(booker.key(), () -> post("/v2/bookings", booking)).status().value())
                .as("the slot is held while the booking waits for its payment").isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from \"Payment\" where \"bookingId\" = ?", Long.class, bookingId) == 1);
        String intentId = (String) paymentOf(bookingId).get("externalId");
        assertThat(intentId).startsWith("pi_");
        assertThat(paymentOf(bookingId)).containsEntry("amount", 5000).containsEntry("fee", 0)
                .containsEntry("currency", "eur").containsEntry("success", false).containsEntry("refunded", false)
                .containsEntry("appId", "stripe").containsEntry("option", "ON_BOOKING");
        assertThat((String) paymentOf(bookingId).get("secret")).startsWith(intentId + "_secret_");
        assertThat(toPay.get(0).get("clientSecret").asText()).isEqualTo(paymentOf(bookingId).get("secret"));
        assertThat(toPay.get(0).get("uid").asText()).isEqualTo(paymentOf(bookingId).get("uid"));
        assertThat(toPay.get(0).get("externalId").asText()).isEqualTo(intentId);
        assertThat(toPay.get(0).get("amount").asInt()).isEqualTo(5000);
        assertThat(toPay.get(0).get("success").asBoolean()).isFalse();

        JsonNode hostSees = awaitPayment(host, uid);
        assertThat(hostSees.get("paid").asBoolean()).isFalse();
        assertThat(hostSees.get("payment").get(0).get("uid").asText()).isEqualTo(paymentOf(bookingId).get("uid"));
        assertThat(hostSees.get("payment").get(0).get("clientSecret").isNull()).isTrue();
        Response bookerSees = as(booker.key(), () -> get("/v2/bookings/" + uid));
        assertThat(bookerSees.status().value()).isEqualTo(200);
        assertThat(bookerSees.data().get("payment")).as("only the host side sees a payment").isEmpty();
        Member stranger = newMember("stranger", "example.com");
        assertThat(as(stranger.key(), () -> get("/v2/bookings/" + uid)).status().value()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).until(() -> reminderOf(uid, initiatedStep));
        assertThat(reminderOf(uid, newEventStep)).as("a booking waiting for its payment is not new yet").isFalse();
        assertThat(jdbc.queryForObject("select paid from \"Booking\" where id = ?", Boolean.class, bookingId)).isFalse();
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("payment-intent-" + uid))
                .withHeader("Authorization", equalTo("Bearer " + StripeFake.SECRET_KEY)));

        String event = """
                {"id": "evt_%1$s", "object": "event", "api_version": "%2$s", "created": %3$d, "livemode": false,
                 "type": "payment_intent.succeeded", "pending_webhooks": 1, "request": {"id": null},
                 "data": {"object": {"id": "%5$s", "object": "payment_intent", "amount": 5000, "currency": "eur",
                                     "status": "succeeded", "metadata": {"bookingUid": "%4$s"}}}}"""
                .formatted(tag, Stripe.API_VERSION, Instant.now().getEpochSecond(), uid, intentId);
        long now = Instant.now().getEpochSecond();
        ResponseEntity<String> forged = http.method(HttpMethod.POST).uri("/v2/payments/stripe/webhook")
                .header("Stripe-Signature", stripeSignature(event, "whsec_forged", now))
                .contentType(MediaType.APPLICATION_JSON).body(event).retrieve().toEntity(String.class);
        assertThat(forged.getStatusCode().value()).as("signed with neither endpoint's secret").isEqualTo(400);
        assertThat(String.valueOf(forged.getHeaders().getContentType())).contains("problem+json");
        // A connected account is its host's: an event of theirs naming our booking is Stripe's, yet pays nothing.
        String ofConnectedAccount = event.replace("\"type\":", "\"account\": \"acct_host_own\", \"type\":");
        assertThat(sendToWebhook(ofConnectedAccount, stripeSignature(ofConnectedAccount,
                StripeFake.CONNECT_WEBHOOK_SECRET, now))).as("signed with the Connect endpoint's secret").isEqualTo(200);
        String paymentUid = (String) paymentOf(bookingId).get("uid");
        assertThat(jdbc.queryForObject("""
                select count(*) from eventstore.domain_event_entry
                where aggregate_identifier like ? and payload_type like '%PaymentSucceeded'""", Long.class,
                "%" + paymentUid)).as("a connected account's event pays only its own payments").isZero();
        assertThat(sendToWebhook(event, stripeSignature(event, StripeFake.WEBHOOK_SECRET, now - 3600)))
                .as("a signature older than Stripe's tolerance").isEqualTo(400);
        assertThat(sendToWebhook(event, stripeSignature(event, StripeFake.WEBHOOK_SECRET, now))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select paid from \"Booking\" where id = ?", Boolean.class, bookingId)));
        assertThat(awaitStatus(host, uid, "accepted")).isEqualTo("accepted");
        await().atMost(Duration.ofSeconds(20)).until(() -> reminderOf(uid, newEventStep));
        JsonNode paid = as(host.key(), () -> get("/v2/bookings/" + uid)).data();
        assertThat(paid.get("paid").asBoolean()).isTrue();
        assertThat(paid.get("payment").get(0).get("success").asBoolean()).isTrue();
        assertThat(paymentOf(bookingId)).containsEntry("success", true).containsEntry("refunded", false);
        long events = storedEvents();
        assertThat(sendToWebhook(event, stripeSignature(event, StripeFake.WEBHOOK_SECRET,
                Instant.now().getEpochSecond())))
                .as("the same Stripe event again").isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertThat(storedEvents()).as("the same Stripe event changes nothing the second time").isEqualTo(events);

        await().atMost(Duration.ofSeconds(20)).until(() -> triggers().containsAll(
                List.of("BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_CREATED")));
        assertThat(triggers()).as("cal.com requests no confirmation of a booking waiting for its payment")
                .doesNotContain("BOOKING_REQUESTED");

        assertThat(as(host.key(), () -> post("/v2/bookings/" + uid + "/cancel", """
                {"cancellationReason": "Ill"}""")).status().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(paymentOf(bookingId).get("refunded")));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + paymentOf(bookingId).get("uid"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> as(host.key(), () -> get("/v2/bookings/" + uid)).data()
                .get("payment").get(0).get("refunded").asBoolean());

        awaitProjectionsCaughtUp();
        List<String> payments = jdbc.queryForList("select row_to_json(p)::text from \"Payment\" p order by id",
                String.class);
        long users = rows("users");
        int stripeCalls = STRIPE.getAllServeEvents().size();
        Response replay = as(ADMIN_KEY, () -> post("/v2/admin/projections/replay", null));
        assertThat(replay.status().value()).as(String.valueOf(replay.body())).isEqualTo(202);
        // The replay empties the tables and fills them again: the tests after this one need them whole.
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("users") == users);
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForList("select row_to_json(p)::text from \"Payment\" p order by id", String.class))
                .as("a replay changes no Payment row").isEqualTo(payments);
        assertThat(STRIPE.getAllServeEvents()).as("a replay calls no Stripe endpoint").hasSize(stripeCalls);
    }

    @Test
    void cancelling_an_unpaid_booking_cancels_its_intent_and_a_payment_that_comes_anyway_is_refunded() {
        Member host = newMember("unpaid-cancel-host", "example.com");
        Member booker = newMember("unpaid-cancel-booker", "example.com");
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "UTC",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Paid call", "slug": "cancel-unpaid-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 1200, "currency": "usd", "enabled": true,
                                                  "refundPolicy": "never"}}}}""".formatted(tag)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        Response booked = as(booker.key(), () -> post("/v2/bookings", """
                {"start": "2094-12-08T10:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "UTC"}}"""
                .formatted(created.data().get("id").asInt(), tag)));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String uid = booked.data().get("uid").asText();
        int bookingId = booked.data().get("id").asInt();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from \"Payment\" where \"bookingId\" = ?", Long.class, bookingId) == 1);
        String intentId = (String) paymentOf(bookingId).get("externalId");
        String paymentUid = (String) paymentOf(bookingId).get("uid");
        Response moved = as(booker.key(), () -> post("/v2/bookings/" + uid + "/reschedule", """
                {"start": "2094-12-08T11:00:00Z"}"""));
        assertThat(moved.status().value()).as("its replacement would be accepted unpaid: " + moved.body())
                .isEqualTo(409);

        assertThat(as(booker.key(), () -> post("/v2/bookings/" + uid + "/cancel", "{}")).status().value())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !STRIPE.findAll(postRequestedFor(
                urlEqualTo("/v1/payment_intents/" + intentId + "/cancel"))).isEmpty());
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/" + intentId + "/cancel"))
                .withHeader("Idempotency-Key", equalTo("cancel-" + paymentUid)));

        String late = """
                {"id": "evt_late_%1$s", "object": "event", "api_version": "%2$s", "created": %3$d, "livemode": false,
                 "type": "payment_intent.succeeded", "pending_webhooks": 1, "request": {"id": null},
                 "data": {"object": {"id": "%5$s", "object": "payment_intent", "amount": 1200, "currency": "usd",
                                     "status": "succeeded", "metadata": {"bookingUid": "%4$s"}}}}"""
                .formatted(tag, Stripe.API_VERSION, Instant.now().getEpochSecond(), uid, intentId);
        assertThat(sendToWebhook(late, stripeSignature(late, StripeFake.WEBHOOK_SECRET,
                Instant.now().getEpochSecond()))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(paymentOf(bookingId).get("refunded")));
        assertThat(paymentOf(bookingId)).containsEntry("success", true);
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + paymentUid)));
        assertThat(awaitStatus(host, uid, "cancelled")).as("a payment does not bring a cancelled booking back")
                .isEqualTo("cancelled");
    }

    @Test
    void a_held_card_is_charged_once_when_the_attendee_is_marked_a_no_show() {
        Member host = newMember("hold-host", "example.com");
        Member booker = newMember("hold-booker", "example.com");
        String ada = "ada-hold-" + tag + "@example.com";
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "UTC",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Held call", "slug": "hold-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": 3000, "currency": "usd", "enabled": true,
                                                  "paymentOption": "HOLD"}}}}""".formatted(tag)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        Response booked = as(booker.key(), () -> post("/v2/bookings", """
                {"start": "2094-12-09T10:00:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "%s", "timeZone": "UTC"}}"""
                .formatted(created.data().get("id").asInt(), ada)));
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String uid = booked.data().get("uid").asText();
        int bookingId = booked.data().get("id").asInt();
        assertThat(booked.data().get("payment").get(0).get("clientSecret").asText())
                .as("the booker saves the card with the SetupIntent's secret").startsWith("seti_");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from \"Payment\" where \"bookingId\" = ?", Long.class, bookingId) == 1);
        String setupIntentId = (String) paymentOf(bookingId).get("externalId");
        String paymentUid = (String) paymentOf(bookingId).get("uid");
        assertThat(setupIntentId).startsWith("seti_");
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", equalTo("customer-" + uid)));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/setup_intents"))
                .withHeader("Idempotency-Key", equalTo("setup-intent-" + uid))
                .withRequestBody(containing("usage=off_session")));

        String saved = """
                {"id": "evt_setup_%1$s", "object": "event", "api_version": "%2$s", "created": %3$d, "livemode": false,
                 "type": "setup_intent.succeeded", "pending_webhooks": 1, "request": {"id": null},
                 "data": {"object": {"id": "%5$s", "object": "setup_intent", "status": "succeeded",
                                     "payment_method": "pm_card", "metadata": {"bookingUid": "%4$s"}}}}"""
                .formatted(tag, Stripe.API_VERSION, Instant.now().getEpochSecond(), uid, setupIntentId);
        assertThat(sendToWebhook(saved, stripeSignature(saved, StripeFake.WEBHOOK_SECRET,
                Instant.now().getEpochSecond()))).isEqualTo(200);
        assertThat(awaitStatus(host, uid, "accepted")).isEqualTo("accepted");
        awaitProjectionsCaughtUp();
        assertThat(paymentOf(bookingId)).as("the card is saved; nothing is charged yet")
                .containsEntry("success", false);
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("charge-" + paymentUid)))).isEmpty();

        clock.setTo(Instant.parse("2094-12-09T10:45:00Z"));
        try {
            for (boolean absent : new boolean[] {true, false, true}) {
                Response marked = as(host.key(), () -> post("/v2/bookings/" + uid + "/mark-absent", """
                        {"attendees": [{"email": "%s", "absent": %s}]}""".formatted(ada, absent)));
                assertThat(marked.status().value()).as(marked.body().toString()).isEqualTo(200);
                // The charge is due when the attendee was marked, which this test's clock puts in 2094.
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    jdbc.update("update scheduler.scheduled_tasks set execution_time = now() where task_instance = ?",
                            "CHARGE:" + uid);
                    return Boolean.TRUE.equals(paymentOf(bookingId).get("success"));
                });
            }
        } finally {
            clock.reset();
        }
        awaitProjectionsCaughtUp();
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("charge-" + paymentUid))
                .withRequestBody(containing("off_session=true")).withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("payment_method=pm_" + setupIntentId)));
        assertThat(jdbc.queryForObject("""
                select count(*) from eventstore.domain_event_entry
                where aggregate_identifier like ? and payload_type like '%PaymentCharged'""", Long.class,
                "%" + paymentUid)).as("charged once, marked absent twice").isEqualTo(1);
    }

    /** A host with a weekday schedule and a paid event type of {@code price} cents in usd; answers the event type's id. */
    private int paidEventType(Member host, String slug, int price, String refundPolicy) {
        assertThat(as(host.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "UTC",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        Response created = as(host.key(), () -> post("/v2/event-types", """
                {"title": "Paid call", "slug": "%s-%s", "lengthInMinutes": 30,
                 "metadata": {"apps": {"stripe": {"price": %d, "currency": "usd", "enabled": true,
                                                  "refundPolicy": "%s"}}}}""".formatted(slug, tag, price,
                refundPolicy)));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private Response book(Member booker, int eventTypeId, String start) {
        return as(booker.key(), () -> post("/v2/bookings", """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada-%s@example.com", "timeZone": "UTC"}}"""
                .formatted(start, eventTypeId, tag)));
    }

    /** A Stripe event about a PaymentIntent, signed now with the endpoint's secret; answers the webhook's status. */
    private int stripeSends(String eventId, String type, String bookingUid, String intentId, String intentFields) {
        String event = """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
                 "type": "%s", "pending_webhooks": 1, "request": {"id": null},
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": 1200, "currency": "usd",
                                     %s "metadata": {"bookingUid": "%s"}}}}"""
                .formatted(eventId, Stripe.API_VERSION, Instant.now().getEpochSecond(), type, intentId,
                        intentFields, bookingUid);
        return sendToWebhook(event, stripeSignature(event, StripeFake.WEBHOOK_SECRET, Instant.now().getEpochSecond()));
    }

    /** The booking as its host reads it, once its first payment is as {@code check} wants it. */
    private JsonNode awaitHostSees(Member host, String uid, java.util.function.Predicate<JsonNode> check) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response shown = as(host.key(), () -> get("/v2/bookings/" + uid));
            return shown.status().value() == 200 && shown.data().get("payment").size() == 1
                    && check.test(shown.data());
        });
        return as(host.key(), () -> get("/v2/bookings/" + uid)).data();
    }

    @Test
    void a_refund_stripe_refuses_is_shown_and_retried_until_stripe_makes_it() {
        Member host = newMember("refund-fail-host", "example.com");
        Member booker = newMember("refund-fail-booker", "example.com");
        int eventTypeId = paidEventType(host, "refund-fail", 1200, "always");
        Response booked = book(booker, eventTypeId, "2094-12-13T10:00:00Z");
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String uid = booked.data().get("uid").asText();
        int bookingId = booked.data().get("id").asInt();
        String intentId = booked.data().get("payment").get(0).get("externalId").asText();
        String paymentUid = booked.data().get("payment").get(0).get("uid").asText();
        assertThat(stripeSends("evt_paid_" + tag, "payment_intent.succeeded", uid, intentId,
                "\"status\": \"succeeded\",")).isEqualTo(200);
        assertThat(awaitStatus(host, uid, "accepted")).isEqualTo("accepted");

        StripeFake.refundsFail(true);
        try {
            assertThat(as(host.key(), () -> post("/v2/bookings/" + uid + "/cancel", "{}")).status().value())
                    .isEqualTo(200);
            JsonNode failing = awaitHostSees(host, uid, b -> "refund_failed".equals(
                    b.get("payment").get(0).get("status").asText())).get("payment").get(0);
            assertThat(failing.get("refunded").asBoolean()).isFalse();
            assertThat(failing.get("error").asText()).contains("An unknown error occurred");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    select coalesce((data->>'refund_failures')::int, 0) from "Payment" where id = ?""",
                    Integer.class, failing.get("id").asInt()) >= 2);
            assertThat(paymentOf(bookingId)).as("retried, still not refunded").containsEntry("refunded", false);
        } finally {
            StripeFake.refundsFail(false);
        }

        JsonNode refunded = awaitHostSees(host, uid, b -> b.get("payment").get(0).get("refunded").asBoolean())
                .get("payment").get(0);
        assertThat(refunded.get("status").asText()).isEqualTo("refunded");
        assertThat(refunded.get("error").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(paymentOf(bookingId).get("refunded")));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + paymentUid)));
        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + paymentUid + "-retry-1")));
        assertThat(jdbc.queryForObject("""
                select count(*) from eventstore.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%PaymentRefunded'""", Long.class,
                "payment:" + paymentUid)).as("refunded once").isEqualTo(1);
    }

    @Test
    void a_failed_attempt_shows_a_canceled_intent_cancels_the_booking_and_a_success_reported_late_is_refunded() {
        Member host = newMember("canceled-host", "example.com");
        Member booker = newMember("canceled-booker", "example.com");
        int eventTypeId = paidEventType(host, "canceled", 1200, "never");
        Response booked = book(booker, eventTypeId, "2094-12-14T10:00:00Z");
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String uid = booked.data().get("uid").asText();
        int bookingId = booked.data().get("id").asInt();
        String intentId = booked.data().get("payment").get(0).get("externalId").asText();
        assertThat(booked.data().get("payment").get(0).get("status").asText()).isEqualTo("requires_payment");

        assertThat(stripeSends("evt_failed_" + tag, "payment_intent.payment_failed", uid, intentId, """
                "status": "requires_payment_method",
                "last_payment_error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                                       "message": "Your card has insufficient funds."},""")).isEqualTo(200);
        JsonNode failed = awaitHostSees(host, uid, b -> "failed".equals(b.get("payment").get(0).get("status").asText()));
        assertThat(failed.get("payment").get(0).get("error").asText()).isEqualTo("insufficient_funds");
        assertThat(failed.get("status").asText()).as("the booker may try again").isEqualTo("pending");
        assertThat(failed.get("paid").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> "insufficient_funds".equals(jdbc.queryForObject(
                "select data->>'last_payment_error' from \"Payment\" where \"bookingId\" = ?", String.class,
                bookingId)));

        assertThat(stripeSends("evt_canceled_" + tag, "payment_intent.canceled", uid, intentId, """
                "status": "canceled", "cancellation_reason": "abandoned",""")).isEqualTo(200);
        assertThat(awaitStatus(host, uid, "cancelled")).as("an intent that can never be paid frees its slot")
                .isEqualTo("cancelled");
        assertThat(awaitHostSees(host, uid, b -> "canceled".equals(b.get("payment").get(0).get("status").asText()))
                .get("paid").asBoolean()).isFalse();
        Response again = book(booker, eventTypeId, "2094-12-14T10:00:00Z");
        assertThat(again.status().value()).as(again.body().toString()).isEqualTo(201);

        assertThat(stripeSends("evt_succeeded_" + tag, "payment_intent.succeeded", uid, intentId,
                "\"status\": \"succeeded\",")).as("delivered after the cancellation it came before").isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(paymentOf(bookingId).get("refunded")));
        assertThat(paymentOf(bookingId)).as("the money was taken, so it is given back whatever the refund policy")
                .containsEntry("success", true);
        assertThat(awaitStatus(host, uid, "cancelled")).isEqualTo("cancelled");
    }

    @Test
    void when_stripe_is_slow_the_answer_names_the_payment_initiating_and_its_page_gives_the_secret_later() {
        Member host = newMember("slow-host", "example.com");
        Member booker = newMember("slow-booker", "example.com");
        int eventTypeId = paidEventType(host, "slow", 4321, "always");
        StripeFake.slowPaymentIntents(4321, Duration.ofSeconds(13));
        Response booked = book(booker, eventTypeId, "2094-12-15T10:00:00Z");
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        JsonNode toPay = booked.data().get("payment").get(0);
        assertThat(toPay.get("status").asText()).isEqualTo("initiating");
        assertThat(toPay.get("clientSecret").isNull()).isTrue();
        assertThat(toPay.get("amount").asInt()).isEqualTo(4321);
        String paymentUid = toPay.get("uid").asText();

        Response early = as(booker.key(), () -> get("/v2/payments/" + paymentUid));
        assertThat(early.status().value()).as("no intent yet: " + early.body()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(40)).until(() ->
                as(booker.key(), () -> get("/v2/payments/" + paymentUid)).status().value() == 200);
        JsonNode page = as(booker.key(), () -> get("/v2/payments/" + paymentUid)).data();
        assertThat(page.get("bookingUid").asText()).isEqualTo(booked.data().get("uid").asText());
        assertThat(page.get("payment").get("clientSecret").asText())
                .startsWith(page.get("payment").get("externalId").asText() + "_secret_");
        assertThat(page.get("payment").get("status").asText()).isEqualTo("requires_payment");
        assertThat(as(booker.key(), () -> get("/v2/payments/no-such-payment")).status().value()).isEqualTo(404);
    }

    @Test
    void a_paid_booking_rescheduled_hands_its_payment_to_the_new_booking_which_refunds_it_once() {
        Member host = newMember("moved-host", "example.com");
        Member booker = newMember("moved-booker", "example.com");
        int eventTypeId = paidEventType(host, "moved", 1200, "always");
        Response booked = book(booker, eventTypeId, "2094-12-16T10:00:00Z");
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String uid = booked.data().get("uid").asText();
        int bookingId = booked.data().get("id").asInt();
        String intentId = booked.data().get("payment").get(0).get("externalId").asText();
        String paymentUid = booked.data().get("payment").get(0).get("uid").asText();
        assertThat(stripeSends("evt_paid_" + tag, "payment_intent.succeeded", uid, intentId,
                "\"status\": \"succeeded\",")).isEqualTo(200);
        assertThat(awaitStatus(host, uid, "accepted")).isEqualTo("accepted");

        Response moved = as(booker.key(), () -> post("/v2/bookings/" + uid + "/reschedule", """
                {"start": "2094-12-16T11:00:00Z"}"""));
        assertThat(moved.status().value()).as(moved.body().toString()).isEqualTo(201);
        String newUid = moved.data().get("uid").asText();
        int newBookingId = moved.data().get("id").asInt();
        assertThat(moved.data().get("paid").asBoolean()).as("paid by the payment it carries").isTrue();
        assertThat(moved.data().get("status").asText()).isEqualTo("accepted");

        JsonNode hostSees = awaitHostSees(host, newUid, b -> b.get("paid").asBoolean());
        assertThat(hostSees.get("payment").get(0).get("uid").asText()).isEqualTo(paymentUid);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select \"bookingId\" from \"Payment\" where uid = ?", Integer.class, paymentUid) == newBookingId);
        assertThat(as(host.key(), () -> get("/v2/bookings/" + uid)).data().get("payment"))
                .as("cal.com moves the Payment row to the new booking").isEmpty();
        STRIPE.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("payment-intent-" + newUid)));
        assertThat(paymentOf(newBookingId)).containsEntry("success", true).containsEntry("refunded", false);

        assertThat(as(booker.key(), () -> post("/v2/bookings/" + newUid + "/cancel", "{}")).status().value())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(paymentOf(newBookingId).get("refunded")));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + paymentUid)));
        assertThat(bookingId).isNotEqualTo(newBookingId);
    }

    /** A workflow of the host's on the event type, with one email step; answers the step's id. */
    private int workflow(Member host, int eventTypeId, String trigger) {
        Response made = as(host.key(), () -> post("/v2/workflows", """
                {"name": "On %s", "activation": {"isActiveOnAllEventTypes": false, "activeOnEventTypeIds": [%d]},
                 "trigger": {"type": "%s"}, "steps": [{"stepNumber": 1, "sender": "Cal", "action": "email_host",
                 "message": {"subject": "%s", "html": "Booking {EVENT_NAME}"}}]}"""
                .formatted(trigger, eventTypeId, trigger, trigger)));
        assertThat(made.status().value()).as(made.body().toString()).isEqualTo(201);
        return made.data().get("steps").get(0).get("id").asInt();
    }

    private boolean reminderOf(String bookingUid, int stepId) {
        return jdbc.queryForObject("""
                select count(*) from "WorkflowReminder" where "bookingUid" = ? and "workflowStepId" = ?""",
                Long.class, bookingUid, stepId) > 0;
    }

    /** The booking as the host reads it, once the read side has its payment. */
    private JsonNode awaitPayment(Member host, String uid) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response shown = as(host.key(), () -> get("/v2/bookings/" + uid));
            return shown.status().value() == 200 && shown.data().get("payment").size() == 1;
        });
        return as(host.key(), () -> get("/v2/bookings/" + uid)).data();
    }

    private String awaitStatus(Member host, String uid, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response shown = as(host.key(), () -> get("/v2/bookings/" + uid));
            return shown.status().value() == 200 && status.equals(shown.data().get("status").asText());
        });
        return as(host.key(), () -> get("/v2/bookings/" + uid)).data().get("status").asText();
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
