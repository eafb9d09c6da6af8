package com.calcomalt.command.payments;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.payments.MovePayment;
import com.calcomalt.contracts.payments.PaymentCancelled;
import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentFailed;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentRefundFailed;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingPaymentCarried;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.CancelBooking;
import com.calcomalt.contracts.scheduling.MarkBookingPaid;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
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
 * slot; a paid booking that is cancelled is refunded as its event type's refund policy says, an
 * unpaid one has its PaymentIntent cancelled, and a payment that comes after its booking is gone is
 * refunded. An intent Stripe canceled cancels its unpaid booking at once; a paid booking that is
 * rescheduled hands its payment on to the booking that replaced it. Stripe is called from the task, never from here, and this
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

    /** An intent made for a booking cancelled meanwhile is cancelled in turn. */
    @EventHandler
    void on(PaymentInitiated event) {
        Object secret = event.data() == null ? null : event.data().get("client_secret");
        List<Boolean> cancelled = jdbc.queryForList("""
                update payments.booking_payments set payment_uid = ?, payment_id = ?, external_id = ?,
                    client_secret = ?
                where booking_uid = ? returning cancelled and not paid""", Boolean.class, event.uid(),
                event.paymentId(), event.externalId(), secret == null ? null : secret.toString(),
                event.bookingUid());
        if (!cancelled.isEmpty() && cancelled.get(0)) {
            scheduleCancel(event.bookingUid(), event.at());
        }
    }

    /** A payment that comes for a booking no longer taking place (expired, cancelled) is refunded whole. */
    @EventHandler
    void on(PaymentSucceeded event) {
        jdbc.update("update payments.booking_payments set paid = true where booking_uid = ?", event.bookingUid());
        try {
            commands.sendAndWait(new MarkBookingPaid(event.bookingUid(), event.uid()), AS_THE_SYSTEM);
        } catch (DomainConflict gone) {
            log.warn("Payment {} went through for booking {}, which no longer takes place; refunding it: {}",
                    event.uid(), event.bookingUid(), gone.getMessage());
            scheduler.scheduleIfNotExists(StripePaymentTask.instance(StripePaymentTask.Kind.REFUND,
                    event.bookingUid()), event.at());
        }
    }

    /** cal.com charges a HOLD's saved card when an attendee is marked a no-show. */
    @EventHandler
    void on(BookingAbsenceMarked event) {
        if (event.attendees() == null || event.attendees().stream().noneMatch(AttendeeAbsence::noShow)) {
            return;
        }
        List<Boolean> chargeable = jdbc.queryForList("""
                select payment_option = 'HOLD' and paid and not charged from payments.booking_payments
                where booking_uid = ?""", Boolean.class, event.uid());
        if (!chargeable.isEmpty() && chargeable.get(0)) {
            scheduler.scheduleIfNotExists(StripePaymentTask.instance(StripePaymentTask.Kind.CHARGE, event.uid()),
                    event.updatedAt());
        }
    }

    @EventHandler
    void on(PaymentCharged event) {
        jdbc.update("update payments.booking_payments set charged = true where booking_uid = ?", event.bookingUid());
    }

    @EventHandler
    void on(PaymentRefunded event) {
        jdbc.update("update payments.booking_payments set refunded = true, last_error = null where booking_uid = ?",
                event.bookingUid());
    }

    @EventHandler
    void on(PaymentRefundFailed event) {
        jdbc.update("update payments.booking_payments set refund_failures = ?, last_error = ? where booking_uid = ?",
                event.attempt(), event.reason(), event.bookingUid());
    }

    /** The booker may try again with the same intent until the booking expires, as Stripe allows. */
    @EventHandler
    void on(PaymentFailed event) {
        jdbc.update("update payments.booking_payments set failed = true, last_error = ? where payment_uid = ?",
                event.reason(), event.uid());
    }

    /**
     * An intent canceled at Stripe (from its dashboard, or by Stripe itself) can never be paid, so the
     * booking is cancelled now rather than hold its slot until it expires. One cancelled already
     * (the intent was canceled because the booking was) stays as it is.
     */
    @EventHandler
    void on(PaymentCancelled event) {
        jdbc.update("update payments.booking_payments set intent_cancelled = true where booking_uid = ?",
                event.bookingUid());
        try {
            commands.sendAndWait(new CancelBooking(event.bookingUid(), "The payment was canceled"), AS_THE_SYSTEM);
        } catch (DomainConflict | DomainRuleViolation over) {
            // Cancelled, declined or rescheduled already, or over: nothing is held any more.
            log.info("Booking {} of canceled payment {} stays as it is: {}", event.bookingUid(), event.uid(),
                    over.getMessage());
        }
    }

    /**
     * cal.com moves a rescheduled paid booking's Payment to the booking that replaced it: refunds and
     * no-show charges then follow the new booking.
     */
    @EventHandler
    void on(BookingPaymentCarried event) {
        List<String> moved = jdbc.queryForList("""
                update payments.booking_payments set booking_uid = ?, booking_id = ? where booking_uid = ?
                returning payment_uid""", String.class, event.uid(), event.bookingId(), event.fromUid());
        if (moved.isEmpty()) {
            // Moved before: the event handled again after a crash.
            moved = jdbc.queryForList("select payment_uid from payments.booking_payments where booking_uid = ?",
                    String.class, event.uid());
        }
        for (String paymentUid : moved) {
            commands.sendAndWait(new MovePayment(paymentUid, event.bookingId(), event.uid()), AS_THE_SYSTEM);
        }
    }

    /** cal.com refunds on cancellation as the event type's refund policy says: always, never, or until N days before. */
    @EventHandler
    void on(BookingCancelled event) {
        List<Boolean> unpaidIntent = jdbc.queryForList("""
                update payments.booking_payments set cancelled = true where booking_uid = ?
                returning external_id is not null and not paid""", Boolean.class, event.uid());
        if (!unpaidIntent.isEmpty() && unpaidIntent.get(0)) {
            scheduleCancel(event.uid(), event.updatedAt());
        }
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

    private void scheduleCancel(String bookingUid, Instant at) {
        scheduler.scheduleIfNotExists(StripePaymentTask.instance(StripePaymentTask.Kind.CANCEL_INTENT, bookingUid),
                at);
    }

    static boolean refunds(RefundPolicy policy, Integer days, Instant start, Instant cancelledAt) {
        return switch (policy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case DAYS -> start != null && days != null && !cancelledAt.isAfter(start.minus(Duration.ofDays(days)));
        };
    }
}
