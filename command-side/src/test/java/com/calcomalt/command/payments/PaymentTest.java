package com.calcomalt.command.payments;

import com.calcomalt.contracts.payments.CancelPayment;
import com.calcomalt.contracts.payments.ChargeHeldPayment;
import com.calcomalt.contracts.payments.FailRefund;
import com.calcomalt.contracts.payments.MovePayment;
import com.calcomalt.contracts.payments.PaymentCancelled;
import com.calcomalt.contracts.payments.PaymentMoved;
import com.calcomalt.contracts.payments.PaymentRefundFailed;
import com.calcomalt.contracts.payments.FailPayment;
import com.calcomalt.contracts.payments.InitiatePayment;
import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentFailed;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.payments.RefundPayment;
import com.calcomalt.contracts.payments.SucceedPayment;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-03-28T10:00:00Z");
    private static final String UID = "pay-1";
    private static final String BOOKING_UID = "booking-1";
    private static final Map<String, Object> INTENT = Map.of("id", "pi_123", "client_secret", "pi_123_secret_abc");

    private AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InitiatePayment initiate(int amount, int fee, String currency, String externalId) {
        return new InitiatePayment(UID, 7, 40, BOOKING_UID, "stripe", amount, fee, currency, externalId,
                PaymentOption.ON_BOOKING, INTENT);
    }

    private static PaymentInitiated initiated() {
        return new PaymentInitiated(UID, 7, 40, BOOKING_UID, "stripe", 5000, 0, "usd", "pi_123",
                PaymentOption.ON_BOOKING, INTENT, EARLIER);
    }

    private static PaymentSucceeded succeeded(String appEventId) {
        return new PaymentSucceeded(UID, 7, 40, BOOKING_UID, PaymentOption.ON_BOOKING, appEventId, EARLIER);
    }

    // ================================================================ InitiatePayment

    @Test
    void a_payment_starts_unpaid_with_what_the_payment_app_answered() {
        fixture.givenNoPriorActivity()
                .when(initiate(5000, 0, "USD", "pi_123"))
                .expectEvents(new PaymentInitiated(UID, 7, 40, BOOKING_UID, "stripe", 5000, 0, "usd", "pi_123",
                        PaymentOption.ON_BOOKING, INTENT, NOW));
    }

    @Test
    void a_payment_initiated_again_changes_nothing() {
        fixture.given(initiated())
                .when(new InitiatePayment(UID, 8, 40, BOOKING_UID, "stripe", 5000, 0, "usd", "pi_456",
                        PaymentOption.ON_BOOKING, INTENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_payment_of_nothing_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(initiate(0, 0, "usd", "pi_123"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A payment is of more than nothing, not 0");
    }

    @Test
    void a_fee_above_the_amount_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(initiate(5000, 5001, "usd", "pi_123"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A payment's fee is between nothing and its amount, not 5001");
    }

    @Test
    void a_currency_iso_4217_does_not_know_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(initiate(5000, 0, "abc", "pi_123"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'abc' is not an ISO 4217 currency code");
    }

    @Test
    void a_payment_without_its_id_at_the_payment_app_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(initiate(5000, 0, "usd", " "))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A payment names its id at the payment app");
    }

    @Test
    void a_payment_without_a_payment_option_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new InitiatePayment(UID, 7, 40, BOOKING_UID, "stripe", 5000, 0, "usd", "pi_123", null, INTENT))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A payment is ON_BOOKING or HOLD");
    }

    // ================================================================ SucceedPayment

    @Test
    void the_payment_apps_success_pays_the_booking() {
        fixture.given(initiated())
                .when(new SucceedPayment(UID, "evt_1"))
                .expectEvents(new PaymentSucceeded(UID, 7, 40, BOOKING_UID, PaymentOption.ON_BOOKING, "evt_1", NOW));
    }

    @Test
    void the_same_success_sent_again_changes_nothing() {
        fixture.given(initiated(), succeeded("evt_1"))
                .when(new SucceedPayment(UID, "evt_1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void another_success_of_a_paid_payment_changes_nothing() {
        fixture.given(initiated(), succeeded("evt_1"))
                .when(new SucceedPayment(UID, "evt_2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_success_after_a_failed_attempt_pays_the_booking() {
        fixture.given(initiated(), new PaymentFailed(UID, 7, 40, "evt_1", "card_declined", EARLIER))
                .when(new SucceedPayment(UID, "evt_2"))
                .expectEvents(new PaymentSucceeded(UID, 7, 40, BOOKING_UID, PaymentOption.ON_BOOKING, "evt_2", NOW));
    }

    // ================================================================ FailPayment

    @Test
    void a_failed_attempt_leaves_the_payment_unpaid() {
        fixture.given(initiated())
                .when(new FailPayment(UID, "evt_1", "card_declined"))
                .expectEvents(new PaymentFailed(UID, 7, 40, "evt_1", "card_declined", NOW));
    }

    @Test
    void the_same_failure_sent_again_changes_nothing() {
        fixture.given(initiated(), new PaymentFailed(UID, 7, 40, "evt_1", "card_declined", EARLIER))
                .when(new FailPayment(UID, "evt_1", "card_declined"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_failure_reported_after_the_success_changes_nothing() {
        fixture.given(initiated(), succeeded("evt_2"))
                .when(new FailPayment(UID, "evt_1", "card_declined"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ================================================================ RefundPayment

    @Test
    void a_paid_payment_is_refunded() {
        fixture.given(initiated(), succeeded("evt_1"))
                .when(new RefundPayment(UID, "re_1"))
                .expectEvents(new PaymentRefunded(UID, 7, 40, BOOKING_UID, "re_1", NOW));
    }

    @Test
    void an_unpaid_payment_is_not_refunded() {
        fixture.given(initiated())
                .when(new RefundPayment(UID, "re_1"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Payment pay-1 is not paid; there is nothing to refund");
    }

    @Test
    void a_payment_is_refunded_once() {
        fixture.given(initiated(), succeeded("evt_1"), new PaymentRefunded(UID, 7, 40, BOOKING_UID, "re_1", EARLIER))
                .when(new RefundPayment(UID, "re_2"))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Payment pay-1 is refunded already");
    }

    // ================================================================ ChargeHeldPayment

    private static PaymentInitiated held() {
        return new PaymentInitiated(UID, 7, 40, BOOKING_UID, "stripe", 5000, 0, "usd", "seti_123",
                PaymentOption.HOLD, Map.of("id", "seti_123"), EARLIER);
    }

    private static PaymentSucceeded cardSaved() {
        return new PaymentSucceeded(UID, 7, 40, BOOKING_UID, PaymentOption.HOLD, "evt_setup", EARLIER);
    }

    @Test
    void a_held_card_is_charged_for_a_no_show() {
        fixture.given(held(), cardSaved())
                .when(new ChargeHeldPayment(UID, "pi_charge"))
                .expectEvents(new PaymentCharged(UID, 7, 40, BOOKING_UID, "pi_charge", NOW));
    }

    @Test
    void a_held_card_charged_again_is_a_conflict() {
        fixture.given(held(), cardSaved(), new PaymentCharged(UID, 7, 40, BOOKING_UID, "pi_charge", EARLIER))
                .when(new ChargeHeldPayment(UID, "pi_charge"))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Payment pay-1 is charged already");
    }

    @Test
    void a_hold_whose_card_was_never_saved_cannot_be_charged() {
        fixture.given(held())
                .when(new ChargeHeldPayment(UID, "pi_charge"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Payment pay-1 has no card saved to charge");
    }

    @Test
    void a_payment_made_on_booking_holds_no_card_to_charge() {
        fixture.given(initiated(), succeeded("evt_1"))
                .when(new ChargeHeldPayment(UID, "pi_charge"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Payment pay-1 was paid on booking; there is no card held");
    }

    // ================================================================ FailRefund

    @Test
    void a_refund_that_fails_is_recorded_with_its_attempt() {
        fixture.given(initiated(), succeeded("evt_1"))
                .when(new FailRefund(UID, 1, "api_error: Stripe is down"))
                .expectEvents(new PaymentRefundFailed(UID, 7, 40, BOOKING_UID, 1, "api_error: Stripe is down", NOW));
    }

    @Test
    void the_same_failed_attempt_reported_again_changes_nothing() {
        fixture.given(initiated(), succeeded("evt_1"),
                        new PaymentRefundFailed(UID, 7, 40, BOOKING_UID, 1, "api_error", EARLIER))
                .when(new FailRefund(UID, 1, "api_error"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_refund_failing_again_is_recorded_again() {
        fixture.given(initiated(), succeeded("evt_1"),
                        new PaymentRefundFailed(UID, 7, 40, BOOKING_UID, 1, "api_error", EARLIER))
                .when(new FailRefund(UID, 2, "api_error"))
                .expectEvents(new PaymentRefundFailed(UID, 7, 40, BOOKING_UID, 2, "api_error", NOW));
    }

    @Test
    void a_payment_refunded_after_failed_attempts_is_refunded() {
        fixture.given(initiated(), succeeded("evt_1"),
                        new PaymentRefundFailed(UID, 7, 40, BOOKING_UID, 1, "api_error", EARLIER))
                .when(new RefundPayment(UID, "re_1"))
                .expectEvents(new PaymentRefunded(UID, 7, 40, BOOKING_UID, "re_1", NOW));
    }

    @Test
    void a_failure_reported_after_the_refund_changes_nothing() {
        fixture.given(initiated(), succeeded("evt_1"), new PaymentRefunded(UID, 7, 40, BOOKING_UID, "re_1", EARLIER))
                .when(new FailRefund(UID, 1, "api_error"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_failed_refund_of_an_unpaid_payment_is_rejected() {
        fixture.given(initiated())
                .when(new FailRefund(UID, 1, "api_error"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Payment pay-1 is not paid; there is nothing to refund");
    }

    // ================================================================ CancelPayment

    @Test
    void a_cancelled_intent_cancels_the_unpaid_payment() {
        fixture.given(initiated())
                .when(new CancelPayment(UID, "evt_c", "abandoned"))
                .expectEvents(new PaymentCancelled(UID, 7, 40, BOOKING_UID, "evt_c", "abandoned", NOW));
    }

    @Test
    void the_same_cancellation_sent_again_changes_nothing() {
        fixture.given(initiated(), new PaymentCancelled(UID, 7, 40, BOOKING_UID, "evt_c", "abandoned", EARLIER))
                .when(new CancelPayment(UID, "evt_c", "abandoned"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_cancellation_reported_after_the_success_changes_nothing() {
        fixture.given(initiated(), succeeded("evt_1"))
                .when(new CancelPayment(UID, "evt_c", "abandoned"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_success_reported_after_the_cancellation_is_taken() {
        fixture.given(initiated(), new PaymentCancelled(UID, 7, 40, BOOKING_UID, "evt_c", "abandoned", EARLIER))
                .when(new SucceedPayment(UID, "evt_1"))
                .expectEvents(new PaymentSucceeded(UID, 7, 40, BOOKING_UID, PaymentOption.ON_BOOKING, "evt_1", NOW));
    }

    // ================================================================ MovePayment

    @Test
    void a_paid_payment_moves_to_the_booking_that_replaced_its_booking() {
        fixture.given(initiated(), succeeded("evt_1"))
                .when(new MovePayment(UID, 41, "booking-2"))
                .expectEvents(new PaymentMoved(UID, 7, 41, "booking-2", 40, BOOKING_UID, NOW));
    }

    @Test
    void a_moved_payment_is_refunded_for_its_new_booking() {
        fixture.given(initiated(), succeeded("evt_1"), new PaymentMoved(UID, 7, 41, "booking-2", 40, BOOKING_UID,
                        EARLIER))
                .when(new RefundPayment(UID, "re_1"))
                .expectEvents(new PaymentRefunded(UID, 7, 41, "booking-2", "re_1", NOW));
    }

    @Test
    void moving_a_payment_again_to_the_same_booking_changes_nothing() {
        fixture.given(initiated(), succeeded("evt_1"), new PaymentMoved(UID, 7, 41, "booking-2", 40, BOOKING_UID,
                        EARLIER))
                .when(new MovePayment(UID, 41, "booking-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_unpaid_payment_does_not_move() {
        fixture.given(initiated())
                .when(new MovePayment(UID, 41, "booking-2"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Payment pay-1 is not paid; it stays with its booking");
    }

    @Test
    void a_refunded_payment_does_not_move() {
        fixture.given(initiated(), succeeded("evt_1"), new PaymentRefunded(UID, 7, 40, BOOKING_UID, "re_1", EARLIER))
                .when(new MovePayment(UID, 41, "booking-2"))
                .expectException(DomainConflict.class)
                .expectExceptionMessage("Payment pay-1 is refunded; it pays for no booking");
    }
}
