package com.calcomalt.command.payments;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which payment a Stripe intent pays. Our intents name their booking in their metadata, from which
 * the payment's uid follows; cal.com's (imported) name only cal.com's booking id, so their payment
 * is found by the intent's id, which the import put in the processor's lookup.
 */
@Component
class IntentPayments {

    private final JdbcTemplate jdbc;

    IntentPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> paymentUid(String intentId, String bookingUid) {
        if (intentId != null) {
            List<String> known = jdbc.queryForList("""
                    select payment_uid from payments.booking_payments
                    where external_id = ? and payment_uid is not null""", String.class, intentId);
            if (!known.isEmpty()) {
                return Optional.of(known.get(0));
            }
        }
        return Optional.ofNullable(bookingUid).map(StripePaymentTask::paymentUid);
    }
}
