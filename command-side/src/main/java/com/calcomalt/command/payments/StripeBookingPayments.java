package com.calcomalt.command.payments;

import com.calcomalt.command.scheduling.booking.BookingPayments;
import com.calcomalt.contracts.scheduling.BookingPaymentView;
import com.calcomalt.contracts.scheduling.PaymentOption;
import java.time.Duration;
import java.util.List;
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

    StripeBookingPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<BookingPaymentView> of(String bookingUid) {
        return read(bookingUid, false);
    }

    @Override
    public List<BookingPaymentView> forBooker(String bookingUid, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<BookingPaymentView> payments = read(bookingUid, true);
        while ((payments.isEmpty() || payments.stream().anyMatch(p -> p.clientSecret() == null))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            payments = read(bookingUid, true);
        }
        return payments;
    }

    /** A payment not initiated yet is left out: it has no id, uid or intent to show. */
    private List<BookingPaymentView> read(String bookingUid, boolean withSecret) {
        List<BookingPaymentView> payments = jdbc.query("""
                select payment_id, payment_uid, amount, currency, paid, refunded, payment_option, external_id,
                       client_secret
                from payments.booking_payments where booking_uid = ?""", (rs, i) -> new BookingPaymentView(
                rs.getInt(1), rs.getString(2), "stripe", rs.getInt(3), 0,
                rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), PaymentOption.valueOf(rs.getString(7)),
                rs.getString(8), withSecret ? rs.getString(9) : null), bookingUid);
        return payments.stream().filter(p -> p.uid() != null).toList();
    }
}
