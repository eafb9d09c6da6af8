package com.calcomalt.query.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.payments.PaymentCancelled;
import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentMoved;
import com.calcomalt.contracts.payments.PaymentRefundFailed;
import com.calcomalt.contracts.payments.PaymentFailed;
import com.calcomalt.contracts.payments.PaymentIds;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingPaymentCarried;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import com.calcomalt.query.scheduling.bookings.BookingFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** Payment events through the event store and the real processor into cal.com's Payment table, and again on a replay. */
class PaymentProjectorTest extends BookingFixtures {

    private static final Instant T1 = Instant.parse("2026-03-29T01:00:00.500Z");
    private static final Instant T2 = Instant.parse("2026-03-29T01:05:00.500Z");

    private static final MetaData IMPORTED = MetaData.with("imported", "calcom");

    private Map<String, Object> payment(String uid) {
        return jdbc.queryForMap("""
                select id, uid, "bookingId", amount, fee, currency, success, refunded, data::text as data,
                       "externalId", "appId", "paymentOption"::text as option from "Payment" where uid = ?""", uid);
    }

    @Test
    void a_payment_is_projected_column_for_column_and_booking_paid_follows_it_identically_on_a_replay() {
        int host = user();
        NewBooking booking = booking(host, personalEventType(host, 30));
        booking.status(BookingStatus.pending).publish();
        publish("Booking", BookingIds.aggregateId(booking.uid()), new BookingPaymentRequired(booking.uid(),
                booking.bookingId(), "stripe", 5000, "eur", PaymentOption.HOLD, RefundPolicy.ALWAYS, null, T1));
        int paymentId = uniqueId();
        String uid = "pay-" + paymentId;
        publish("Payment", PaymentIds.aggregateId(uid), new PaymentInitiated(uid, paymentId, booking.bookingId(),
                booking.uid(), "stripe", 5000, 0, "eur", "seti_" + paymentId, PaymentOption.HOLD,
                Map.of("setupIntent", Map.of("id", "seti_" + paymentId, "client_secret", "secret")), T1));
        awaitProjectionsCaughtUp();

        assertThat(payment(uid)).containsEntry("id", paymentId).containsEntry("bookingId", booking.bookingId())
                .containsEntry("amount", 5000).containsEntry("fee", 0).containsEntry("currency", "eur")
                .containsEntry("success", false).containsEntry("refunded", false)
                .containsEntry("data", "{\"setupIntent\": {\"id\": \"seti_" + paymentId + "\", \"client_secret\": \"secret\"}}")
                .containsEntry("externalId", "seti_" + paymentId).containsEntry("appId", "stripe")
                .containsEntry("option", "HOLD");
        assertThat(jdbc.queryForMap("select paid, status::text as status from \"Booking\" where id = ?",
                booking.bookingId())).containsEntry("paid", false).containsEntry("status", "pending");

        publish("Payment", PaymentIds.aggregateId(uid), new PaymentFailed(uid, paymentId, booking.bookingId(), "evt_1",
                "card_declined", T1));
        awaitProjectionsCaughtUp();
        assertThat(payment(uid)).containsEntry("success", false);

        publish("Payment", PaymentIds.aggregateId(uid), new PaymentSucceeded(uid, paymentId, booking.bookingId(),
                booking.uid(), PaymentOption.HOLD, "evt_2", T2));
        publish("Booking", BookingIds.aggregateId(booking.uid()),
                new BookingPaid(booking.uid(), booking.bookingId(), uid, BookingStatus.accepted, T2));
        awaitProjectionsCaughtUp();
        assertThat(payment(uid)).as("a HOLD's card is saved, nothing is paid yet, as cal.com keeps it")
                .containsEntry("success", false).containsEntry("refunded", false);
        assertThat(jdbc.queryForMap("select paid, status::text as status from \"Booking\" where id = ?",
                booking.bookingId())).containsEntry("paid", true).containsEntry("status", "accepted");

        publish("Payment", PaymentIds.aggregateId(uid), new PaymentCharged(uid, paymentId, booking.bookingId(),
                booking.uid(), "pi_fee", T2));
        awaitProjectionsCaughtUp();
        assertThat(payment(uid)).as("charged for a no-show").containsEntry("success", true);

        publish("Payment", PaymentIds.aggregateId(uid), new PaymentRefunded(uid, paymentId, booking.bookingId(),
                booking.uid(), "re_1", T2));
        awaitProjectionsCaughtUp();
        assertThat(payment(uid)).containsEntry("success", true).containsEntry("refunded", true);

        List<String> payments = rowsAsJson("Payment");
        List<String> bookings = rowsAsJson("Booking");
        assertThat(projections.replayAll()).contains("calcom-projections");
        await().atMost(Duration.ofSeconds(60)).until(() -> rowsAsJson("Payment").size() == payments.size());
        awaitProjectionsCaughtUp();
        assertThat(rowsAsJson("Payment")).containsExactlyElementsOf(payments);
        assertThat(rowsAsJson("Booking")).containsExactlyElementsOf(bookings);
    }

    @Test
    void an_imported_success_keeps_calcoms_data_and_a_later_event_of_ours_changes_it() {
        int host = user();
        NewBooking booking = booking(host, personalEventType(host, 30));
        booking.publish();
        int paymentId = uniqueId();
        String uid = "pay-" + paymentId;
        String data = "{\"id\": \"pi_" + paymentId + "\", \"status\": \"requires_payment_method\"}";
        eventStore.publish(new GenericDomainEventMessage<>("Payment", PaymentIds.aggregateId(uid), 0,
                new PaymentInitiated(uid, paymentId, booking.bookingId(), booking.uid(), "stripe", 5000, 0, "eur",
                        "pi_" + paymentId, PaymentOption.ON_BOOKING,
                        Map.of("id", "pi_" + paymentId, "status", "requires_payment_method"), T1), IMPORTED),
                new GenericDomainEventMessage<>("Payment", PaymentIds.aggregateId(uid), 1,
                        new PaymentSucceeded(uid, paymentId, booking.bookingId(), booking.uid(),
                                PaymentOption.ON_BOOKING, "imported", T1), IMPORTED));
        awaitProjectionsCaughtUp();
        assertThat(payment(uid)).as("cal.com leaves Stripe's first answer in data").containsEntry("success", true)
                .containsEntry("data", data);

        publish("Payment", PaymentIds.aggregateId(uid), new PaymentRefundFailed(uid, paymentId, booking.bookingId(),
                booking.uid(), 1, "api_error: down", T2));
        awaitProjectionsCaughtUp();
        assertThat((String) payment(uid).get("data")).contains("\"refund_error\": \"api_error: down\"");
    }

    @Test
    void failures_cancellations_refund_failures_and_moves_show_in_the_payments_data_identically_on_a_replay() {
        int host = user();
        int eventType = personalEventType(host, 30);
        NewBooking booking = booking(host, eventType);
        booking.status(BookingStatus.pending).publish();
        int paymentId = uniqueId();
        String uid = "pay-" + paymentId;
        publish("Payment", PaymentIds.aggregateId(uid), new PaymentInitiated(uid, paymentId, booking.bookingId(),
                booking.uid(), "stripe", 5000, 0, "eur", "pi_" + paymentId, PaymentOption.ON_BOOKING,
                Map.of("id", "pi_" + paymentId, "status", "requires_payment_method"), T1));
        publish("Payment", PaymentIds.aggregateId(uid), new PaymentFailed(uid, paymentId, booking.bookingId(), "evt_1",
                "card_declined", T1));
        awaitProjectionsCaughtUp();
        assertThat(payment(uid)).containsEntry("success", false).containsEntry("data",
                "{\"id\": \"pi_" + paymentId + "\", \"status\": \"requires_payment_method\", "
                        + "\"last_payment_error\": \"card_declined\"}");

        publish("Payment", PaymentIds.aggregateId(uid), new PaymentSucceeded(uid, paymentId, booking.bookingId(),
                booking.uid(), PaymentOption.ON_BOOKING, "evt_2", T2));
        publish("Payment", PaymentIds.aggregateId(uid), new PaymentRefundFailed(uid, paymentId, booking.bookingId(),
                booking.uid(), 1, "api_error: down", T2));
        awaitProjectionsCaughtUp();
        assertThat(payment(uid)).containsEntry("success", true).containsEntry("refunded", false).containsEntry("data",
                "{\"id\": \"pi_" + paymentId + "\", \"status\": \"succeeded\", \"refund_error\": \"api_error: down\", "
                        + "\"refund_failures\": 1}");

        NewBooking replacement = booking(host, eventType);
        replacement.publish();
        publish("Booking", BookingIds.aggregateId(replacement.uid()), new BookingPaymentCarried(replacement.uid(),
                replacement.bookingId(), booking.uid(), T2));
        publish("Payment", PaymentIds.aggregateId(uid), new PaymentMoved(uid, paymentId, replacement.bookingId(),
                replacement.uid(), booking.bookingId(), booking.uid(), T2));
        publish("Payment", PaymentIds.aggregateId(uid), new PaymentRefunded(uid, paymentId, replacement.bookingId(),
                replacement.uid(), "re_1", T2));
        awaitProjectionsCaughtUp();
        assertThat(payment(uid)).as("the payment pays for the booking that replaced its booking")
                .containsEntry("bookingId", replacement.bookingId()).containsEntry("refunded", true)
                .containsEntry("data", "{\"id\": \"pi_" + paymentId + "\", \"status\": \"succeeded\", "
                        + "\"refund_failures\": 1}");
        assertThat(jdbc.queryForObject("select paid from \"Booking\" where id = ?", Boolean.class,
                replacement.bookingId())).as("the replacement is paid by the payment it carries").isTrue();

        NewBooking abandoned = booking(host, eventType);
        abandoned.status(BookingStatus.pending).publish();
        int cancelledId = uniqueId();
        String cancelledUid = "pay-" + cancelledId;
        publish("Payment", PaymentIds.aggregateId(cancelledUid), new PaymentInitiated(cancelledUid, cancelledId,
                abandoned.bookingId(), abandoned.uid(), "stripe", 900, 0, "usd", "pi_" + cancelledId,
                PaymentOption.ON_BOOKING, Map.of("id", "pi_" + cancelledId), T1));
        publish("Payment", PaymentIds.aggregateId(cancelledUid), new PaymentCancelled(cancelledUid, cancelledId,
                abandoned.bookingId(), abandoned.uid(), "evt_c", "abandoned", T2));
        awaitProjectionsCaughtUp();
        assertThat(payment(cancelledUid)).containsEntry("success", false).containsEntry("data",
                "{\"id\": \"pi_" + cancelledId + "\", \"status\": \"canceled\", \"cancellation_reason\": \"abandoned\"}");

        List<String> payments = rowsAsJson("Payment");
        List<String> bookings = rowsAsJson("Booking");
        assertThat(projections.replayAll()).contains("calcom-projections");
        await().atMost(Duration.ofSeconds(60)).until(() -> rowsAsJson("Payment").size() == payments.size());
        awaitProjectionsCaughtUp();
        assertThat(rowsAsJson("Payment")).containsExactlyElementsOf(payments);
        assertThat(rowsAsJson("Booking")).containsExactlyElementsOf(bookings);
    }
}
