package com.calcomalt.command.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.contracts.payments.PaymentIds;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import com.calcomalt.platform.deadletters.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payments processor has several segments and orders per booking (PaymentsPerBooking); its
 * dead-letter queue follows the same sequence: a booking whose payment row cannot be written holds
 * back its payment's events too, and only those.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PaymentsDeadLetterTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadLetters deadLetters;

    private void publish(String type, String aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload));
    }

    @Test
    void a_booking_that_fails_holds_back_its_payments_events_and_no_other_booking() {
        String poisoned = "dl-" + UUID.randomUUID();
        String healthy = "ok-" + UUID.randomUUID();
        jdbc.update("""
                insert into payments.booking_payments (booking_uid, booking_id, amount, currency, payment_option,
                    refund_policy) values (?, 2, 500, 'usd', 'ON_BOOKING', 'ALWAYS')""", healthy);
        // A NUL byte is no text PostgreSQL stores: the payment row of this booking cannot be written.
        publish("Booking", BookingIds.aggregateId(poisoned), 0, new BookingPaymentRequired(poisoned, 1, "stripe", 500,
                "us\u0000d", PaymentOption.ON_BOOKING, RefundPolicy.ALWAYS, null, Instant.now()));
        String payment = UUID.randomUUID().toString();
        publish("Payment", PaymentIds.aggregateId(payment), 0, new PaymentInitiated(payment, 1, 1, poisoned, "stripe",
                500, 0, "usd", "pi_dl", PaymentOption.ON_BOOKING, Map.of(), Instant.now()));
        String refund = UUID.randomUUID().toString();
        publish("Payment", PaymentIds.aggregateId(refund), 0, new PaymentRefunded(refund, 2, 2, healthy, "re_ok",
                Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select refunded from payments.booking_payments where booking_uid = ?", Boolean.class, healthy));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.sequences().stream().anyMatch(s ->
                s.sequenceIdentifier().equals(BookingIds.aggregateId(poisoned)) && s.letters() == 2));
        assertThat(deadLetters.sequences()).filteredOn(s -> s.processingGroup().equals(StripePayments.PROCESSING_GROUP))
                .singleElement()
                .satisfies(s -> assertThat(s.sequenceIdentifier()).isEqualTo(BookingIds.aggregateId(poisoned)));

        assertThat(deadLetters.evict(StripePayments.PROCESSING_GROUP, BookingIds.aggregateId(poisoned))).isTrue();
    }
}
