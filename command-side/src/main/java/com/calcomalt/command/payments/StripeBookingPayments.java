package com.calcomalt.command.payments;

import com.calcomalt.command.scheduling.booking.BookingPayments;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingPaymentView;
import com.calcomalt.contracts.scheduling.PaymentOption;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the Stripe processor knows of a booking's payment, as the booking's answers show it. Stripe
 * charges no application fee here, so the fee is 0, as cal.com's Stripe app records it.
 */
@Component
class StripeBookingPayments implements BookingPayments {

    private static final Duration POLL = Duration.ofMillis(50);

    private final JdbcTemplate jdbc;
    private final Duration clientSecretWait;

    /**
     * @param clientSecretWait how long a booking's answer waits for Stripe's intent; 10 s by default,
     *                         beyond which the answer names the payment {@code initiating} and its
     *                         page ({@code GET /v2/payments/{uid}}) gives the client secret once made
     */
    StripeBookingPayments(JdbcTemplate jdbc,
                          @Value("${calalt.payments.client-secret-wait:10s}") Duration clientSecretWait) {
        this.jdbc = jdbc;
        this.clientSecretWait = clientSecretWait;
    }

    @Override
    public List<BookingPaymentView> of(String bookingUid) {
        return read(bookingUid, false);
    }

    @Override
    public List<BookingPaymentView> forBooker(BookingPaymentRequired required) {
        long deadline = System.nanoTime() + clientSecretWait.toNanos();
        List<BookingPaymentView> payments = read(required.uid(), true);
        while (payments.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            payments = read(required.uid(), true);
        }
        if (payments.isEmpty()) {
            return List.of(new BookingPaymentView(0, StripePaymentTask.paymentUid(required.uid()), required.appId(),
                    required.amount(), 0, required.currency(), false, false, required.paymentOption(), null, null,
                    BookingPaymentView.status(false, false, false, 0, false, false), null));
        }
        return payments;
    }

    /** A payment not initiated yet is left out: it has no id or intent to show. */
    private List<BookingPaymentView> read(String bookingUid, boolean withSecret) {
        List<BookingPaymentView> payments = jdbc.query("""
                select payment_id, payment_uid, amount, currency, paid, refunded, payment_option, external_id,
                       client_secret, refund_failures, intent_cancelled, failed, last_error
                from payments.booking_payments where booking_uid = ?""", (rs, i) -> {
            boolean paid = rs.getBoolean(5);
            boolean refunded = rs.getBoolean(6);
            int refundFailures = rs.getInt(10);
            String status = BookingPaymentView.status(rs.getString(2) != null, paid, refunded, refundFailures,
                    rs.getBoolean(11), rs.getBoolean(12));
            boolean erring = status.equals("failed") || status.equals("refund_failed");
            return new BookingPaymentView(rs.getInt(1), rs.getString(2), "stripe", rs.getInt(3), 0,
                    rs.getString(4), paid, refunded, PaymentOption.valueOf(rs.getString(7)), rs.getString(8),
                    withSecret ? rs.getString(9) : null, status, erring ? rs.getString(13) : null);
        }, bookingUid);
        return payments.stream().filter(p -> p.uid() != null).toList();
    }
}
