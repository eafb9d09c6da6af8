package com.calcomalt.command.payments;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which payment a Stripe intent pays. Our intents name their booking in their metadata, from which
 * the payment's uid follows; cal.com's (imported) name only cal.com's booking id, so their payment
 * is found by the intent's id, which the import put in the processor's lookup.
 *
 * <p>An event of a connected account (Stripe's Connect events name it in {@code account}) pays only
 * a payment made on that very account: a connected account is its host's, who could make an intent
 * there naming any booking in its metadata and pay it to themselves. So such an event is never
 * matched by its metadata, and an intent id counts only with the account the payment was made on.
 */
@Component
class IntentPayments {

    private final JdbcTemplate jdbc;

    IntentPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param account the connected account the event comes from; null for this system's own account
     */
    Optional<String> paymentUid(String intentId, String bookingUid, String account) {
        if (intentId != null) {
            List<String> known = jdbc.queryForList("""
                    select payment_uid from payments.booking_payments
                    where external_id = ? and payment_uid is not null
                      and stripe_account is not distinct from ?""", String.class, intentId, account);
            if (!known.isEmpty()) {
                return Optional.of(known.get(0));
            }
        }
        if (account != null) {
            return Optional.empty();
        }
        return Optional.ofNullable(bookingUid).map(StripePaymentTask::paymentUid);
    }
}
