package com.calcomalt.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.billing.BillingIds;
import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.BillingStatusChanged;
import com.calcomalt.contracts.billing.BillingView;
import com.calcomalt.contracts.billing.ChangeBillingStatus;
import com.calcomalt.contracts.billing.SeatChangeImported;
import com.calcomalt.contracts.billing.SetBilling;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A team's or organization's billing row, cal.com's {@code TeamBilling} or {@code OrganizationBilling}:
 * its plan, subscription status and how many seats are paid for. There is no overage: cal.com's rows
 * have no place for it, so {@code paidSeats} is a hard limit (null: no limit) and more seats are bought
 * by raising it.
 */
@Aggregate
public class Billing {

    @AggregateIdentifier
    private String aggregateId;
    private BillingSet row;

    protected Billing() {
        // for Axon
    }

    /** Setting the row it has already changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    BillingView handle(SetBilling command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                       @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        TeamAccess team = BillingRules.requireSystemAdmin(caller, access, command.teamId());
        if (command.status() == null) {
            throw new DomainRuleViolation("A billing row has a status: ACTIVE, TRIALING, PAST_DUE, CANCELLED, ...");
        }
        String fallback = "manual_" + command.teamId();
        Instant now = clock.instant();
        BillingSet next = new BillingSet(command.teamId(), team.isOrganization(),
                row == null ? BillingIds.billingRowId(command.teamId()) : row.billingId(),
                orElse(BillingRules.text(command.subscriptionId(), "subscriptionId"), "sub_" + fallback),
                orElse(BillingRules.text(command.subscriptionItemId(), "subscriptionItemId"), "si_" + fallback),
                orElse(BillingRules.text(command.customerId(), "customerId"), "cus_" + fallback),
                command.status(), BillingRules.required(command.planName(), "planName"), command.billingPeriod(),
                BillingRules.notNegative(command.pricePerSeat(), "pricePerSeat"),
                BillingRules.notNegative(command.paidSeats(), "paidSeats"), command.subscriptionStart(),
                command.subscriptionEnd(), command.subscriptionTrialEnd(), row == null ? now : row.createdAt(), now);
        if (row == null || !sameRow(row, next)) {
            apply(next);
        }
        return BillingView.of(row);
    }

    /** A team with no row yet is told so, rather than answered with a bare "not found". */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    BillingView handle(ChangeBillingStatus command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                       @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        BillingRules.requireSystemAdmin(caller, access, command.teamId());
        if (command.status() == null) {
            throw new DomainRuleViolation("A billing status is ACTIVE, TRIALING, PAST_DUE, CANCELLED, ...");
        }
        if (row == null) {
            throw new NotFound("Team " + command.teamId() + " has no billing");
        }
        if (command.status() != row.status()) {
            apply(new BillingStatusChanged(row.teamId(), row.organization(), row.billingId(), command.status(),
                    clock.instant()));
        }
        return BillingView.of(row);
    }

    /** Equal but for {@code updatedAt}. */
    private static boolean sameRow(BillingSet a, BillingSet b) {
        return a.equals(new BillingSet(b.teamId(), b.organization(), b.billingId(), b.subscriptionId(),
                b.subscriptionItemId(), b.customerId(), b.status(), b.planName(), b.billingPeriod(), b.pricePerSeat(),
                b.paidSeats(), b.subscriptionStart(), b.subscriptionEnd(), b.subscriptionTrialEnd(), b.createdAt(),
                a.updatedAt()));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @EventSourcingHandler
    void on(BillingSet event) {
        aggregateId = BillingIds.billing(event.teamId());
        row = event;
    }

    /** An imported change log row may be all a team's billing stream holds: the team had no row left in cal.com. */
    @EventSourcingHandler
    void on(SeatChangeImported event) {
        aggregateId = BillingIds.billing(event.teamId());
    }

    @EventSourcingHandler
    void on(BillingStatusChanged event) {
        row = new BillingSet(row.teamId(), row.organization(), row.billingId(), row.subscriptionId(),
                row.subscriptionItemId(), row.customerId(), event.status(), row.planName(), row.billingPeriod(),
                row.pricePerSeat(), row.paidSeats(), row.subscriptionStart(), row.subscriptionEnd(),
                row.subscriptionTrialEnd(), row.createdAt(), event.updatedAt());
    }
}
