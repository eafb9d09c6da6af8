package com.calcomalt.command.payments;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.payments.CancelPayment;
import com.calcomalt.contracts.payments.ChargeHeldPayment;
import com.calcomalt.contracts.payments.FailRefund;
import com.calcomalt.contracts.payments.MovePayment;
import com.calcomalt.contracts.payments.PaymentCancelled;
import com.calcomalt.contracts.payments.PaymentMoved;
import com.calcomalt.contracts.payments.PaymentRefundFailed;
import com.calcomalt.contracts.payments.FailPayment;
import com.calcomalt.contracts.payments.InitiatePayment;
import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentFailed;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentIds;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.payments.RefundPayment;
import com.calcomalt.contracts.payments.SucceedPayment;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The payment of one booking, as cal.com's Payment row tells it: initiated unpaid, then paid once,
 * perhaps after failed attempts, then perhaps refunded once, however many refund attempts fail
 * first. A HOLD's success saves the card, which is charged at most once, for a no-show. A paid
 * booking that is rescheduled hands its payment on to the booking that replaces it. The payment
 * app's events may come twice and out of order (Stripe retries its webhooks), so each is taken once
 * by its id, and a failure or cancellation that arrives after the success changes nothing; a
 * success that arrives after a cancellation is taken, since the money was taken.
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private String aggregateId;
    private PaymentInitiated initiated;
    private boolean success;
    private boolean refunded;
    private boolean charged;
    private boolean cancelled;
    private int refundFailures;
    /** The booking the payment pays for now: the booking it was made for, or the one that replaced it. */
    private int bookingId;
    private String bookingUid;
    private final Set<String> appEvents = new HashSet<>();

    protected Payment() {
        // for Axon
    }

    /** Initiated once: a retried initiation (the Stripe task runs again after a crash) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(InitiatePayment command, Clock clock) {
        if (initiated != null) {
            return;
        }
        if (command.amount() <= 0) {
            throw new DomainRuleViolation("A payment is of more than nothing, not " + command.amount());
        }
        if (command.fee() < 0 || command.fee() > command.amount()) {
            throw new DomainRuleViolation("A payment's fee is between nothing and its amount, not " + command.fee());
        }
        if (command.externalId() == null || command.externalId().isBlank()) {
            throw new DomainRuleViolation("A payment names its id at the payment app");
        }
        if (command.paymentOption() == null) {
            throw new DomainRuleViolation("A payment is ON_BOOKING or HOLD");
        }
        apply(new PaymentInitiated(command.uid(), command.paymentId(), command.bookingId(), command.bookingUid(),
                command.appId(), command.amount(), command.fee(), currency(command.currency()), command.externalId(),
                command.paymentOption(), command.data() == null ? Map.of() : command.data(), clock.instant()));
    }

    @CommandHandler
    void handle(SucceedPayment command, Clock clock) {
        if (success || appEvents.contains(command.appEventId())) {
            return;
        }
        apply(new PaymentSucceeded(initiated.uid(), initiated.paymentId(), bookingId, bookingUid, initiated.paymentOption(), command.appEventId(), clock.instant()));
    }

    @CommandHandler
    void handle(FailPayment command, Clock clock) {
        // A failed attempt after the payment went through is an old attempt reported late.
        if (success || appEvents.contains(command.appEventId())) {
            return;
        }
        apply(new PaymentFailed(initiated.uid(), initiated.paymentId(), bookingId, command.appEventId(),
                command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(RefundPayment command, Clock clock) {
        if (!success) {
            throw new DomainRuleViolation("Payment " + initiated.uid() + " is not paid; there is nothing to refund");
        }
        if (refunded) {
            throw new DomainConflict("Payment " + initiated.uid() + " is refunded already");
        }
        apply(new PaymentRefunded(initiated.uid(), initiated.paymentId(), bookingId, bookingUid,
                command.refundId(), clock.instant()));
    }

    /** Each failed attempt is recorded once, so a refund that does not go through shows until one does. */
    @CommandHandler
    void handle(FailRefund command, Clock clock) {
        if (!success) {
            throw new DomainRuleViolation("Payment " + initiated.uid() + " is not paid; there is nothing to refund");
        }
        if (refunded || command.attempt() <= refundFailures) {
            return;
        }
        apply(new PaymentRefundFailed(initiated.uid(), initiated.paymentId(), bookingId, bookingUid,
                command.attempt(), command.reason(), clock.instant()));
    }

    /** Stripe cannot cancel an intent that succeeded, so a cancellation after the success is an old one reported late. */
    @CommandHandler
    void handle(CancelPayment command, Clock clock) {
        if (success || cancelled || appEvents.contains(command.appEventId())) {
            return;
        }
        apply(new PaymentCancelled(initiated.uid(), initiated.paymentId(), bookingId, bookingUid,
                command.appEventId(), command.reason(), clock.instant()));
    }

    /** Only a paid payment moves: an unpaid booking is not rescheduled, it pays first. */
    @CommandHandler
    void handle(MovePayment command, Clock clock) {
        if (command.bookingUid().equals(bookingUid)) {
            return;
        }
        if (!success) {
            throw new DomainRuleViolation("Payment " + initiated.uid() + " is not paid; it stays with its booking");
        }
        if (refunded) {
            throw new DomainConflict("Payment " + initiated.uid() + " is refunded; it pays for no booking");
        }
        apply(new PaymentMoved(initiated.uid(), initiated.paymentId(), command.bookingId(), command.bookingUid(),
                bookingId, bookingUid, clock.instant()));
    }

    /** A HOLD's saved card is charged once, for a no-show: a second charge is refused. */
    @CommandHandler
    void handle(ChargeHeldPayment command, Clock clock) {
        if (initiated.paymentOption() != PaymentOption.HOLD) {
            throw new DomainRuleViolation("Payment " + initiated.uid() + " was paid on booking; there is no card held");
        }
        if (!success) {
            throw new DomainRuleViolation("Payment " + initiated.uid() + " has no card saved to charge");
        }
        if (charged) {
            throw new DomainConflict("Payment " + initiated.uid() + " is charged already");
        }
        apply(new PaymentCharged(initiated.uid(), initiated.paymentId(), bookingId, bookingUid,
                command.chargeId(), clock.instant()));
    }

    private static String currency(String code) {
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode().toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            throw new DomainRuleViolation("'" + code + "' is not an ISO 4217 currency code");
        }
    }

    @EventSourcingHandler
    void on(PaymentInitiated event) {
        aggregateId = PaymentIds.aggregateId(event.uid());
        initiated = event;
        bookingId = event.bookingId();
        bookingUid = event.bookingUid();
    }

    @EventSourcingHandler
    void on(PaymentSucceeded event) {
        success = true;
        appEvents.add(event.appEventId());
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        appEvents.add(event.appEventId());
    }

    @EventSourcingHandler
    void on(PaymentCharged event) {
        charged = true;
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refunded = true;
    }

    @EventSourcingHandler
    void on(PaymentRefundFailed event) {
        refundFailures = event.attempt();
    }

    @EventSourcingHandler
    void on(PaymentCancelled event) {
        cancelled = true;
        appEvents.add(event.appEventId());
    }

    @EventSourcingHandler
    void on(PaymentMoved event) {
        bookingId = event.bookingId();
        bookingUid = event.bookingUid();
    }
}
