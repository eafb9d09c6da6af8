package com.calcomalt.command.payments;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.payments.ChargeHeldPayment;
import com.calcomalt.contracts.payments.FailRefund;
import com.calcomalt.contracts.payments.InitiatePayment;
import com.calcomalt.contracts.payments.RefundPayment;
import com.calcomalt.contracts.scheduling.CancelBooking;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Stripe calls of a booking's payment, as db-scheduler tasks: making what the booker pays with,
 * cancelling it when the booking is gone unpaid, refunding, and charging a HOLD's card for a no-show;
 * and cancelling a booking never paid in time. A failed call (Stripe down, a 5xx) is tried again
 * with exponential back-off, an hour apart at most, until it goes through, and stays visible
 * meanwhile as the execution's consecutive failures; a refund's failures are also recorded on its
 * payment, which the booking's answers show. The idempotency key of each call makes the retry
 * answer the first call's result, so nothing is ever charged or refunded twice. The command that
 * records the result is idempotent as well.
 */
@Configuration
class StripePaymentTask {

    static final String NAME = "stripe-payment";
    private static final Logger log = LoggerFactory.getLogger(StripePaymentTask.class);
    private static final MetaData AS_THE_SYSTEM = CallerMetaData.of(new Caller(0, true, null));
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

    /** Which work, for which booking: the instance id is {@code kind:bookingUid}. EXPIRE calls no one. */
    enum Kind { INTENT, REFUND, EXPIRE, CANCEL_INTENT, CHARGE }

    record Work(Kind kind, String bookingUid) implements Serializable {
    }

    private final JdbcTemplate jdbc;
    private final StripeGateway stripe;
    private final CommandGateway commands;
    private final IdAllocator ids;
    private final Duration initialBackoff;

    StripePaymentTask(JdbcTemplate jdbc, StripeGateway stripe, CommandGateway commands, IdAllocator ids,
                      @Value("${calalt.stripe.calls.initial-backoff:10s}") Duration initialBackoff) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.commands = commands;
        this.ids = ids;
        this.initialBackoff = initialBackoff;
    }

    @Bean
    OneTimeTask<Work> stripePayment() {
        return Tasks.oneTime(NAME, Work.class)
                .onFailure(backoff(initialBackoff))
                .execute((instance, context) -> run(instance.getData(),
                        context.getExecution().consecutiveFailures));
    }

    /** Half as long again after each failure, from {@code initial}, but never longer than an hour. */
    static FailureHandler<Work> backoff(Duration initial) {
        return (complete, operations) -> {
            double factor = Math.pow(1.5, complete.getExecution().consecutiveFailures);
            long millis = (long) Math.min(initial.toMillis() * factor, LONGEST_BACKOFF.toMillis());
            Instant next = complete.getTimeDone().plusMillis(millis);
            log.warn("{} failed {} times in a row; tried again at {}", complete.getExecution().taskInstance,
                    complete.getExecution().consecutiveFailures + 1, next);
            operations.reschedule(complete, next);
        };
    }

    static TaskInstance<Work> instance(Kind kind, String bookingUid) {
        return new TaskInstance<>(NAME, kind + ":" + bookingUid, new Work(kind, bookingUid));
    }

    /** The payment's uid follows from its booking's: a retried initiation names the same payment. */
    static String paymentUid(String bookingUid) {
        return UUID.nameUUIDFromBytes(("payment:" + bookingUid).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * @param account the connected account of a payment imported from cal.com; null for ours
     * @param savedCard the customer and payment method of an imported HOLD's saved card, as cal.com kept them;
     *                  null for ours
     */
    private record Row(int bookingId, int amount, String currency, PaymentOption option, String paymentUid,
                       String externalId, boolean paid, boolean cancelled, boolean charged, String account,
                       StripeGateway.SavedCard savedCard) {
    }

    void run(Work work, int failuresBefore) {
        List<Row> rows = jdbc.query("""
                select booking_id, amount, currency, payment_option, payment_uid, external_id, paid, cancelled,
                       charged, stripe_account, stripe_customer, stripe_payment_method
                from payments.booking_payments where booking_uid = ?""", (rs, i) -> new Row(rs.getInt(1),
                rs.getInt(2), rs.getString(3), PaymentOption.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getString(10),
                rs.getString(11) == null || rs.getString(12) == null ? null
                        : new StripeGateway.SavedCard(rs.getString(11), rs.getString(12))),
                work.bookingUid());
        if (rows.isEmpty()) {
            return;
        }
        try {
            switch (work.kind()) {
                case INTENT -> initiate(work.bookingUid(), rows.get(0));
                case REFUND -> refund(rows.get(0), failuresBefore);
                case EXPIRE -> expire(work.bookingUid(), rows.get(0));
                case CANCEL_INTENT -> cancelIntent(rows.get(0));
                case CHARGE -> charge(work.bookingUid(), rows.get(0));
            }
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe refused or missed " + work + ": " + e.getMessage(), e);
        }
    }

    private void initiate(String bookingUid, Row row) throws StripeException {
        if (row.paymentUid() != null || row.cancelled()) {
            return;
        }
        StripeGateway.Intent intent = row.option() == PaymentOption.HOLD ? stripe.setupIntent(bookingUid)
                : stripe.paymentIntent(bookingUid, row.amount(), row.currency());
        commands.sendAndWait(new InitiatePayment(paymentUid(bookingUid), ids.next("Payment"), row.bookingId(),
                bookingUid, "stripe", row.amount(), 0, row.currency(), intent.id(), row.option(), intent.data()),
                AS_THE_SYSTEM);
    }

    /** Never paid: the booking is cancelled, and its slot is free again. */
    private void expire(String bookingUid, Row row) {
        if (row.paid()) {
            return;
        }
        try {
            commands.sendAndWait(new CancelBooking(bookingUid, "The payment was not made in time"), AS_THE_SYSTEM);
        } catch (DomainConflict | DomainRuleViolation over) {
            // Cancelled or declined already, or over: nothing is held.
        }
    }

    /**
     * The PaymentIntent of a booking that no longer takes place, unpaid. One paid meanwhile cannot be
     * cancelled (Stripe answers 400); its success is refunded instead.
     */
    private void cancelIntent(Row row) throws StripeException {
        if (row.paid() || row.externalId() == null || row.option() != PaymentOption.ON_BOOKING) {
            return;
        }
        try {
            stripe.cancelPaymentIntent(row.paymentUid(), row.externalId(), row.account());
        } catch (InvalidRequestException notCancellable) {
            log.warn("PaymentIntent {} cannot be cancelled: {}", row.externalId(), notCancellable.getMessage());
        }
    }

    /** A HOLD's saved card, charged once for a no-show: Stripe's key and the payment both refuse a second charge. */
    private void charge(String bookingUid, Row row) throws StripeException {
        if (row.option() != PaymentOption.HOLD || !row.paid() || row.charged()) {
            return;
        }
        String chargeId = stripe.chargeHeld(row.paymentUid(), row.externalId(), bookingUid, row.amount(),
                row.currency(), row.account(), row.savedCard());
        try {
            commands.sendAndWait(new ChargeHeldPayment(row.paymentUid(), chargeId), AS_THE_SYSTEM);
        } catch (DomainConflict chargedAlready) {
            // The same charge answered twice by its idempotency key: recorded the first time.
        }
    }

    /**
     * Stripe keeps the first answer to an idempotency key, a failure included, so a retry after a
     * failure asks again under a key of its own. That cannot refund twice: Stripe refuses to refund a
     * charge refunded already, and that refusal is taken as the refund made.
     */
    private void refund(Row row, int failuresBefore) throws StripeException {
        if (!row.paid() || row.option() != PaymentOption.ON_BOOKING) {
            return;
        }
        String refundId;
        try {
            refundId = stripe.refund(row.paymentUid(), row.externalId(), failuresBefore, row.account());
        } catch (InvalidRequestException e) {
            if (!"charge_already_refunded".equals(e.getCode())) {
                throw recorded(row, failuresBefore, e);
            }
            refundId = null;
        } catch (StripeException | RuntimeException e) {
            throw recorded(row, failuresBefore, e);
        }
        try {
            commands.sendAndWait(new RefundPayment(row.paymentUid(), refundId), AS_THE_SYSTEM);
        } catch (DomainConflict refundedAlready) {
            // The same refund answered twice by its idempotency key: recorded the first time.
        }
    }

    /** A failed refund is recorded on its payment, for all to see, before the task is tried again. */
    private RuntimeException recorded(Row row, int failuresBefore, Exception e) {
        String reason = e instanceof StripeException stripeError && stripeError.getCode() != null
                ? stripeError.getCode() + ": " + e.getMessage() : e.getMessage();
        commands.sendAndWait(new FailRefund(row.paymentUid(), failuresBefore + 1, reason), AS_THE_SYSTEM);
        return new IllegalStateException("Stripe did not refund payment " + row.paymentUid() + ": " + reason, e);
    }
}
