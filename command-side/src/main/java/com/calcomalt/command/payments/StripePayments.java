package com.calcomalt.command.payments;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.MarkBookingPaid;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.DomainConflict;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payments' reaction to bookings and their payments. A booking that must pay gets a
 * {@link StripePaymentTask} that makes its PaymentIntent (or, for HOLD, its SetupIntent); a payment
 * that went through marks its booking paid; one never paid in time is cancelled, which frees its
 * slot; a paid booking that is cancelled is refunded as its
 * event type's refund policy says. Stripe is called from the task, never from here, and this
 * processor refuses replays: rebuilding the read side calls Stripe never.
 */
@Component
@DisallowReplay
@ProcessingGroup(StripePayments.PROCESSING_GROUP)
class StripePayments {

    static final String PROCESSING_GROUP = "payments-stripe";
    private static final Logger log = LoggerFactory.getLogger(StripePayments.class);
    private static final MetaData AS_THE_SYSTEM = CallerMetaData.of(new Caller(0, true, null));

    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final CommandGateway commands;

    private final Duration unpaidExpiry;

    /**
     * @param unpaidExpiry how long an unpaid booking holds its slot; 30 minutes by default, about as
     *                     long as a booker takes to pay, and short enough that a slot abandoned at
     *                     the payment page is soon free again
     */
    StripePayments(JdbcTemplate jdbc, SchedulerClient scheduler, CommandGateway commands,
                   @Value("${calalt.payments.unpaid-booking-expiry:30m}") Duration unpaidExpiry) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.commands = commands;
        this.unpaidExpiry = unpaidExpiry;
    }

    @EventHandler
    void on(BookingPaymentRequired event) {
        jdbc.update("""
                insert into payments.booking_payments (booking_uid, booking_id, amount, currency, payment_option,
                    refund_policy, refund_days_count)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (booking_uid) do nothing""", event.uid(), event.bookingId(),
                event.amount(), event.currency(), event.paymentOption().name(), event.refundPolicy().name(),
                event.refundDaysCount());
        scheduler.scheduleIfNotExists(StripePaymentTask.instance(StripePaymentTask.Kind.INTENT, event.uid()),
                event.at());
        scheduler.scheduleIfNotExists(StripePaymentTask.instance(StripePaymentTask.Kind.EXPIRE, event.uid()),
                event.at().plus(unpaidExpiry));
    }

    @EventHandler
    void on(PaymentInitiated event) {
        jdbc.update("update payments.booking_payments set payment_uid = ?, external_id = ? where booking_uid = ?",
                event.uid(), event.externalId(), event.bookingUid());
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        jdbc.update("update payments.booking_payments set paid = true where booking_uid = ?", event.bookingUid());
        try {
            commands.sendAndWait(new MarkBookingPaid(event.bookingUid(), event.uid()), AS_THE_SYSTEM);
        } catch (DomainConflict gone) {
            log.warn("Payment {} went through for booking {}, which no longer takes place: {}", event.uid(),
                    event.bookingUid(), gone.getMessage());
        }
    }

    /** cal.com refunds on cancellation as the event type's refund policy says: always, never, or until N days before. */
    @EventHandler
    void on(BookingCancelled event) {
        List<Boolean> refundable = jdbc.query("""
                select p.paid, p.refund_policy, p.refund_days_count, b.start_time
                from payments.booking_payments p left join command_side.bookings b on b.uid = p.booking_uid
                where p.booking_uid = ?""", (rs, i) -> rs.getBoolean(1) && refunds(
                RefundPolicy.valueOf(rs.getString(2)), (Integer) rs.getObject(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), event.updatedAt()), event.uid());
        if (!refundable.isEmpty() && refundable.get(0)) {
            scheduler.scheduleIfNotExists(StripePaymentTask.instance(StripePaymentTask.Kind.REFUND, event.uid()),
                    event.updatedAt());
        }
    }

    static boolean refunds(RefundPolicy policy, Integer days, Instant start, Instant cancelledAt) {
        return switch (policy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case DAYS -> start != null && days != null && !cancelledAt.isAfter(start.minus(Duration.ofDays(days)));
        };
    }
}
