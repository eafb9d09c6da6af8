package com.calcomalt.command.payments;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.payments.ChargeHeldPayment;
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
 * perhaps after failed attempts, then perhaps refunded once. A HOLD's success saves the card, which
 * is charged at most once, for a no-show. The payment app's events may come twice
 * and out of order (Stripe retries its webhooks), so each is taken once by its id, and a failure
 * that arrives after the success changes nothing.
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private String aggregateId;
    private PaymentInitiated initiated;
    private boolean success;
    private boolean refunded;
    private boolean charged;
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
        apply(new PaymentSucceeded(initiated.uid(), initiated.paymentId(), initiated.bookingId(),
                initiated.bookingUid(), initiated.paymentOption(), command.appEventId(), clock.instant()));
    }

    @CommandHandler
    void handle(FailPayment command, Clock clock) {
        // A failed attempt after the payment went through is an old attempt reported late.
        if (success || appEvents.contains(command.appEventId())) {
            return;
        }
        apply(new PaymentFailed(initiated.uid(), initiated.paymentId(), initiated.bookingId(), command.appEventId(),
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
        apply(new PaymentRefunded(initiated.uid(), initiated.paymentId(), initiated.bookingId(),
                initiated.bookingUid(), command.refundId(), clock.instant()));
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
        apply(new PaymentCharged(initiated.uid(), initiated.paymentId(), initiated.bookingId(),
                initiated.bookingUid(), command.chargeId(), clock.instant()));
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
}
