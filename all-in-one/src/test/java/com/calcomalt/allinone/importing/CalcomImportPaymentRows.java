package com.calcomalt.allinone.importing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.allinone.StripeFake;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.Stripe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The source rows of CalcomImportTest that need Stripe or the reminder sender after the import: paid and unpaid
 * bookings of a paid event type that refunds always, and workflow reminders in every state cal.com leaves them;
 * and what the imported installation must do with them.
 */
final class CalcomImportPaymentRows {

    static final WireMockServer STRIPE = StripeFake.server();

    /** Rule breakers and rows left out among the reminders. */
    static final List<String> REMINDERS_REPORTED = List.of("WorkflowReminder\t808\tbooking overlap does not exist",
            "WorkflowReminder\t809\tits booking, step and seat have reminder 801 already",
            "WorkflowReminder\t810\tworkflow step 999 does not exist",
            "WorkflowReminder\t811\thas a referenceId but was never handed",
            "WorkflowReminder\t815\thas no uuid",
            "WorkflowReminder\t805\tnot imported yet: due at " + PlantedDates.instant("2026-05-31T08:02:00Z")
                    + ", before the import, and never sent",
            "WorkflowReminder\t812\tnot imported yet: a mandatory reminder",
            "WorkflowReminder\t813\tnot imported yet: workflow step 310");

    private CalcomImportPaymentRows() {
    }

    /**
     * After the bookings and their payments: four bookings of user 4's paid event type (paid, two awaiting their
     * payment, and one past whose HOLD card cal.com saved, in {@code data.setupIntent} as its webhook keeps it, and
     * never charged), and the reminders.
     */
    static void fill(JdbcTemplate db) {
        db.execute("""
                update "EventType" set metadata = '{"apps": {"stripe": {"price": 2600, "currency": "usd",
                    "enabled": true, "refundPolicy": "always"}}}' where id = 4;
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                                       "updatedAt", status, paid, "iCalUID", responses)
                values (4002, 'imported-paid', 4, 4, 'Paid', timestamp '2027-04-05 10:00:00',
                        timestamp '2027-04-05 10:30:00', timestamp '2026-11-01 00:00:00',
                        timestamp '2026-11-01 00:05:00', 'accepted', true, 'paid', '{}'),
                       (4003, 'imported-unpaid', 4, 4, 'Unpaid', timestamp '2027-04-06 10:00:00',
                        timestamp '2027-04-06 10:30:00', timestamp '2026-11-02 00:00:00', null, 'pending', false,
                        'unpaid', '{}'),
                       (4004, 'imported-unpaid-2', 4, 4, 'Unpaid too', timestamp '2027-04-07 10:00:00',
                        timestamp '2027-04-07 10:30:00', timestamp '2026-11-03 00:00:00', null, 'pending', false,
                        'unpaid2', '{}'),
                       (4005, 'imported-held', 4, 4, 'Held', timestamp '2026-11-16 10:00:00',
                        timestamp '2026-11-16 10:30:00', timestamp '2026-11-04 00:00:00',
                        timestamp '2026-11-04 00:02:00', 'accepted', true, 'held', '{}');
                insert into "Attendee" (id, email, name, "timeZone", "bookingId")
                values (44002, 'payer@mail.example', 'Payer', 'UTC', 4002),
                       (44003, 'late-payer@mail.example', 'Late', 'UTC', 4003),
                       (44004, 'no-payer@mail.example', 'None', 'UTC', 4004),
                       (44005, 'no-show@mail.example', 'Absent', 'UTC', 4005);
                insert into "Payment" (id, uid, "bookingId", amount, fee, currency, success, refunded, data,
                                       "externalId", "appId", "paymentOption")
                values (9710, 'pay-imported-paid', 4002, 2600, 80, 'usd', true, false,
                        '{"id": "pi_imported_paid", "status": "succeeded", "stripeAccount": "acct_4"}',
                        'pi_imported_paid', 'stripe', 'ON_BOOKING'),
                       (9711, 'pay-imported-unpaid', 4003, 2600, 0, 'usd', false, false,
                        '{"id": "pi_imported_unpaid", "client_secret": "pi_imported_unpaid_secret_1",
                          "stripeAccount": "acct_4"}', 'pi_imported_unpaid', 'stripe', 'ON_BOOKING'),
                       (9712, 'pay-imported-unpaid-2', 4004, 2600, 0, 'usd', false, false,
                        '{"id": "pi_imported_unpaid_2", "stripeAccount": "acct_4"}', 'pi_imported_unpaid_2',
                        'stripe', 'ON_BOOKING'),
                       (9713, 'pay-imported-held', 4005, 2600, 0, 'usd', false, false,
                        '{"setupIntent": {"id": "seti_imported_held", "object": "setup_intent", "status": "succeeded",
                                          "client_secret": "seti_imported_held_secret_1",
                                          "customer": "cus_imported_held", "payment_method": "pm_imported_held",
                                          "usage": "off_session", "metadata": {"bookingId": "4005"}},
                          "stripe_publishable_key": "pk_test_4", "stripeAccount": "acct_4"}', 'seti_imported_held',
                        'stripe', 'HOLD');
                """);
        // Steps 103/104 (workflow 1), 105/106 (workflow 2) and 111 (workflow 5) are imported; 999 and 310 are not.
        db.execute("""
                insert into "WorkflowReminder" (id, "bookingUid", method, "scheduledDate", "referenceId", scheduled,
                                                "workflowStepId", cancelled, "seatReferenceId", "isMandatoryReminder",
                                                "retryCount", uuid)
                values (801, 'imported-busy', 'EMAIL', timestamp '2027-02-28 09:00:00', null, false, 105, null, null,
                        false, 0, 'ca1c0000-0000-4000-8000-000000000801'),
                       (802, 'panel-20-0', 'EMAIL', timestamp '2027-01-03 14:00:00', 'sg-802', true, 106, null, null,
                        false, 0, 'ca1c0000-0000-4000-8000-000000000802'),
                       (803, 'panel-20-1', 'EMAIL', timestamp '2027-01-04 14:00:00', null, false, 105, true, null,
                        false, 0, 'ca1c0000-0000-4000-8000-000000000803'),
                       (804, 'bk-1', 'EMAIL', timestamp '2026-05-31 08:01:00', 'sg-804', true, 103, null, null,
                        false, 0, 'ca1c0000-0000-4000-8000-000000000804'),
                       (805, 'bk-2', 'EMAIL', timestamp '2026-05-31 08:02:00', null, false, 105, null, null,
                        false, 0, 'ca1c0000-0000-4000-8000-000000000805'),
                       (806, 'panel-20-2', 'EMAIL', timestamp '2027-01-05 14:00:00', null, false, 111, null, null,
                        false, 2, 'ca1c0000-0000-4000-8000-000000000806'),
                       (807, 'class-10-0', 'EMAIL', timestamp '2026-08-31 17:00:00', null, true, 104, null,
                        'seat-3510-1', false, 0, 'ca1c0000-0000-4000-8000-000000000807'),
                       (808, 'overlap', 'EMAIL', timestamp '2027-01-01 00:00:00', null, false, 105, null, null,
                        false, 0, null),
                       (809, 'imported-busy', 'EMAIL', timestamp '2027-02-28 10:00:00', null, false, 105, null, null,
                        false, 0, null),
                       (810, 'bk-1', 'EMAIL', timestamp '2027-01-01 00:00:00', null, false, 999, null, null,
                        false, 0, null),
                       (811, 'panel-20-3', 'EMAIL', timestamp '2027-01-06 14:00:00', 'x-811', false, 106, null, null,
                        false, 0, null),
                       (812, 'bk-5', 'SMS', timestamp '2027-01-01 00:00:00', null, false, null, null, null,
                        true, 0, null),
                       (813, 'bk-1', 'EMAIL', timestamp '2027-01-01 00:00:00', null, false, 310, null, null,
                        false, 0, null),
                       (814, 'panel-20-4', 'EMAIL', timestamp '2027-01-07 14:00:00', null, false, 105, null, null,
                        false, 0, 'ca1c0000-0000-4000-8000-000000000814'),
                       (815, 'bk-1', 'EMAIL', timestamp '2026-05-31 08:05:00', 'sg-815', true, 104, null, null,
                        false, 0, null);
                """);
    }

    /**
     * The import called no one, filled the payments processor's lookup of the imported bookings, gave the unpaid
     * ones the expiry of a booking made at the import, and scheduled the reminders still to be sent, only those.
     */
    static void checkImported(JdbcTemplate target, Instant importStarted, Instant importEnded) {
        assertThat(STRIPE.findAll(postRequestedFor(urlMatching(".*")).withHeader("Stripe-Account", equalTo("acct_4"))))
                .as("the import calls no Stripe endpoint").isEmpty();
        Map<String, Object> paid = target.queryForMap("""
                select payment_uid, external_id, paid, refunded, cancelled, refund_policy, stripe_account, amount
                from payments.booking_payments where booking_uid = 'imported-paid'""");
        assertThat(paid).containsEntry("payment_uid", "pay-imported-paid").containsEntry("paid", true)
                .containsEntry("refunded", false).containsEntry("cancelled", false)
                .containsEntry("refund_policy", "ALWAYS").containsEntry("stripe_account", "acct_4")
                .containsEntry("external_id", "pi_imported_paid").containsEntry("amount", 2600);
        Map<String, Object> held = target.queryForMap("""
                select payment_uid, external_id, paid, charged, stripe_account, stripe_customer, stripe_payment_method,
                       client_secret
                from payments.booking_payments where booking_uid = 'imported-held'""");
        assertThat(held).as("a HOLD whose card cal.com saved is chargeable, with the card as cal.com keeps it")
                .containsEntry("payment_uid", "pay-imported-held").containsEntry("external_id", "seti_imported_held")
                .containsEntry("paid", true).containsEntry("charged", false).containsEntry("stripe_account", "acct_4")
                .containsEntry("stripe_customer", "cus_imported_held")
                .containsEntry("stripe_payment_method", "pm_imported_held")
                .containsEntry("client_secret", "seti_imported_held_secret_1");
        assertThat(target.queryForObject("select success from \"Payment\" where id = 9713", Boolean.class))
                .as("cal.com's HOLD is no success until charged").isFalse();
        assertThat(target.queryForObject("""
                select count(*) from payments.booking_payments where booking_uid = 'bk-7' and refunded and paid""",
                Integer.class)).as("a booking paid and refunded in cal.com").isEqualTo(1);
        List<Map<String, Object>> expiries = target.queryForList("""
                select task_instance, execution_time from scheduler.scheduled_tasks
                where task_name = 'stripe-payment' order by task_instance""");
        assertThat(expiries).extracting(e -> e.get("task_instance"))
                .as("only bookings awaiting their payment and not over expire")
                .containsExactly("EXPIRE:imported-unpaid", "EXPIRE:imported-unpaid-2");
        for (Map<String, Object> expiry : expiries) {
            Instant at = ((java.sql.Timestamp) expiry.get("execution_time")).toInstant();
            assertThat(at).as("30 minutes after the import")
                    .isBetween(importStarted.plus(Duration.ofMinutes(30)), importEnded.plus(Duration.ofMinutes(30)));
        }
        assertThat(target.queryForList("""
                select task_instance from scheduler.scheduled_tasks where task_name = 'workflow-reminder'
                order by execution_time""", String.class))
                .as("the failed one and the planned one still to come, by cal.com's uuids; not those sent, cancelled,"
                        + " past, or of a booking cancelled in cal.com")
                .containsExactly("ca1c0000-0000-4000-8000-000000000806",
                        "ca1c0000-0000-4000-8000-000000000801");
        assertThat(target.queryForList("""
                select task_instance from automation.planned_reminders where booking_uid = 'class-10-0'
                and workflow_step_id = 104 and seat_reference_id = 'seat-3510-1'""", String.class))
                .as("a planned reminder of its booking, step and seat, which the planner plans no second time")
                .containsExactly("ca1c0000-0000-4000-8000-000000000807");
    }

    /**
     * Cancelling the imported paid booking refunds it through Stripe on cal.com's connected account, as its event
     * type's policy says; a no-show of the imported HOLD charges its saved card there; Stripe's success for an
     * imported intent, signed for the Connect endpoint and of its account, marks its booking paid and accepted;
     * cancelling an imported unpaid booking cancels its intent.
     */
    static void stillPayOverHttp(String port, String adminKey, JdbcTemplate target) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> cancelled = post(http, port, "/v2/bookings/imported-paid/cancel", adminKey,
                "{\"cancellationReason\": \"Cannot come\"}", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(target.queryForObject(
                "select refunded from \"Payment\" where id = 9710", Boolean.class)));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-pay-imported-paid"))
                .withHeader("Stripe-Account", equalTo("acct_4")));

        // Marking the attendee of the imported HOLD a no-show charges the card cal.com saved, on its connected account.
        HttpResponse<String> absent = post(http, port, "/v2/bookings/imported-held/mark-absent", adminKey,
                "{\"attendees\": [{\"email\": \"no-show@mail.example\", \"absent\": true}]}", null);
        assertThat(absent.statusCode()).as(absent.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(target.queryForObject(
                "select success from \"Payment\" where id = 9713", Boolean.class)));
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("charge-pay-imported-held"))
                .withHeader("Stripe-Account", equalTo("acct_4"))
                .withRequestBody(containing("customer=cus_imported_held"))
                .withRequestBody(containing("payment_method=pm_imported_held"))
                .withRequestBody(containing("off_session=true")).withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("amount=2600")));

        // cal.com's intent names cal.com's booking id in its metadata, not our booking uid; it is on the host's
        // connected account, whose events Stripe signs with the Connect endpoint's secret.
        String event = """
                {"id": "evt_imported_paid_late", "object": "event", "api_version": "%s", "created": %d,
                 "livemode": false, "type": "payment_intent.succeeded", "pending_webhooks": 1, "request": {"id": null},
                 "account": "acct_4",
                 "data": {"object": {"id": "pi_imported_unpaid", "object": "payment_intent", "amount": 2600,
                                     "currency": "usd", "status": "succeeded",
                                     "metadata": {"identifier": "cal.com", "bookingId": "4003"}}}}"""
                .formatted(Stripe.API_VERSION, Instant.now().getEpochSecond());
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> forged = post(http, port, "/v2/payments/stripe/webhook", null, event,
                StripeFake.signature(event, "whsec_wrong", now));
        assertThat(forged.statusCode()).as("signed with neither endpoint's secret").isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("problem+json"));
        String elsewhere = event.replace("acct_4", "acct_other");
        HttpResponse<String> otherAccount = post(http, port, "/v2/payments/stripe/webhook", null, elsewhere,
                StripeFake.signature(elsewhere, StripeFake.CONNECT_WEBHOOK_SECRET, now));
        assertThat(otherAccount.statusCode()).as(otherAccount.body()).isEqualTo(200);
        assertThat(target.queryForObject("""
                select count(*) from eventstore.domain_event_entry
                where aggregate_identifier like '%pay-imported-unpaid' and payload_type like '%PaymentSucceeded'""",
                Integer.class)).as("neither a forged event nor another account's pays the imported intent").isZero();
        HttpResponse<String> webhook = post(http, port, "/v2/payments/stripe/webhook", null, event,
                StripeFake.signature(event, StripeFake.CONNECT_WEBHOOK_SECRET, now));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(target.queryForObject(
                "select paid from \"Booking\" where id = 4003", Boolean.class)));
        assertThat(target.queryForObject("select status::text from \"Booking\" where id = 4003", String.class))
                .isEqualTo("accepted");
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(target.queryForObject(
                "select success from \"Payment\" where id = 9711", Boolean.class)));

        HttpResponse<String> unpaid = post(http, port, "/v2/bookings/imported-unpaid-2/cancel", adminKey,
                "{\"cancellationReason\": \"Never paid\"}", null);
        assertThat(unpaid.statusCode()).as(unpaid.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !STRIPE.findAll(postRequestedFor(
                urlEqualTo("/v1/payment_intents/pi_imported_unpaid_2/cancel"))).isEmpty());
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/pi_imported_unpaid_2/cancel"))
                .withHeader("Idempotency-Key", equalTo("cancel-pay-imported-unpaid-2"))
                .withHeader("Stripe-Account", equalTo("acct_4")));
        assertThat(target.queryForList("select processing_group from eventstore.dead_letter_entry", String.class))
                .as("the payments processor took the imported bookings' later changes").isEmpty();
    }

    private static HttpResponse<String> post(HttpClient http, String port, String path, String key, String body,
                                             String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
