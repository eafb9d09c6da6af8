package com.calcomalt.command.payments;

import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.platform.database.Timestamps;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Stripe processor's lookup of each booking's payment, for the bookings imported from cal.com.
 * StripePayments passes over imported events, as it must not act on what happened in cal.com; yet a
 * booking paid there is refunded here when cancelled here, and one still awaiting its payment is paid
 * or expires here. So this registry writes, in the transaction that appends the imported events, what
 * StripePayments would have written had it seen them, and calls no one: the import never calls
 * Stripe. Events of this system are StripePayments' alone.
 *
 * <p>An imported booking awaiting its payment gets the unpaid expiry of a booking made now: cal.com
 * keeps no time by which it had to be paid, and here no unpaid booking holds its slot longer. One that
 * is over holds nothing and is left as it is.
 */
@Component
@ProcessingGroup("identity-registry")
class ImportedBookingPayments {

    private static final String IMPORTED = "imported";

    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final Clock clock;
    private final Duration unpaidExpiry;

    ImportedBookingPayments(JdbcTemplate jdbc, SchedulerClient scheduler, Clock clock,
                            @Value("${calalt.payments.unpaid-booking-expiry:30m}") Duration unpaidExpiry) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.clock = clock;
        this.unpaidExpiry = unpaidExpiry;
    }

    private static boolean imported(String source) {
        return "calcom".equals(source);
    }

    /** The booking's own events came first: its status says whether it still takes place. */
    @EventHandler
    void on(BookingPaymentRequired event, @MetaDataValue(IMPORTED) String source) {
        if (!imported(source)) {
            return;
        }
        record Booked(String status, boolean over) {
        }
        Booked booked = jdbc.query("select status, end_time <= ? from command_side.bookings where uid = ?",
                rs -> rs.next() ? new Booked(rs.getString(1), rs.getBoolean(2)) : new Booked(null, true),
                Timestamps.utc(clock.instant()), event.uid());
        String status = booked.status();
        boolean takingPlace = "accepted".equals(status) || "pending".equals(status);
        jdbc.update("""
                insert into payments.booking_payments (booking_uid, booking_id, amount, currency, payment_option,
                    refund_policy, refund_days_count, cancelled)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (booking_uid) do nothing""", event.uid(),
                event.bookingId(), event.amount(), event.currency(), event.paymentOption().name(),
                event.refundPolicy().name(), event.refundDaysCount(), !takingPlace);
        if ("pending".equals(status) && !booked.over()) {
            // Paid or not is told by the payment's events after this one; the expiry leaves a paid booking be.
            scheduler.scheduleIfNotExists(StripePaymentTask.instance(StripePaymentTask.Kind.EXPIRE, event.uid()),
                    clock.instant().plus(unpaidExpiry));
        }
    }

    /**
     * The booking's first payment is the one its lookup follows (the import gives the one that paid first).
     * A HOLD's card is saved on the connected account by a SetupIntent, which cal.com keeps in
     * {@code data.setupIntent} (as its webhook last saw it): its client secret is the booker's, and a no-show is
     * charged with the customer and payment method it names.
     */
    @EventHandler
    void on(PaymentInitiated event, @MetaDataValue(IMPORTED) String source) {
        if (!imported(source)) {
            return;
        }
        Map<String, Object> data = event.data() == null ? Map.of() : event.data();
        Object setupIntent = data.get("setupIntent");
        Map<?, ?> saved = setupIntent instanceof Map<?, ?> intent ? intent : Map.of();
        jdbc.update("""
                update payments.booking_payments set payment_uid = ?, payment_id = ?, external_id = ?,
                    client_secret = ?, stripe_account = ?, stripe_customer = ?, stripe_payment_method = ?
                where booking_uid = ? and payment_uid is null""", event.uid(), event.paymentId(),
                event.externalId(), text(data.getOrDefault("client_secret", saved.get("client_secret"))),
                text(data.get("stripeAccount")),
                id(saved.get("customer")), id(saved.get("payment_method")), event.bookingUid());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Stripe answers a reference as its id, or as the object when asked to expand it. */
    private static String id(Object reference) {
        return reference instanceof Map<?, ?> expanded ? text(expanded.get("id")) : text(reference);
    }

    @EventHandler
    void on(PaymentSucceeded event, @MetaDataValue(IMPORTED) String source) {
        set(source, "paid", event.bookingUid(), event.uid());
    }

    @EventHandler
    void on(PaymentCharged event, @MetaDataValue(IMPORTED) String source) {
        set(source, "charged", event.bookingUid(), event.uid());
    }

    @EventHandler
    void on(PaymentRefunded event, @MetaDataValue(IMPORTED) String source) {
        set(source, "refunded", event.bookingUid(), event.uid());
    }

    private void set(String source, String flag, String bookingUid, String paymentUid) {
        if (imported(source)) {
            jdbc.update("update payments.booking_payments set " + flag + " = true where booking_uid = ?"
                    + " and payment_uid = ?", bookingUid, paymentUid);
        }
    }
}
