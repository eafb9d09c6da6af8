package com.calcomalt.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.billing.BillingIds;
import com.calcomalt.contracts.billing.ReleaseSeat;
import com.calcomalt.contracts.billing.SeatReleased;
import com.calcomalt.contracts.billing.SeatTaken;
import com.calcomalt.contracts.billing.TakeSeat;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's seat in a seat-billed organization or team, the seed's {@code Seat} row: held while they
 * are an accepted member. One stream per organization and user, which outlives the row: a member
 * removed and accepted again takes a seat in the same stream.
 */
@Aggregate
public class Seat {

    @AggregateIdentifier
    private String aggregateId;
    private int orgId;
    private int userId;
    private int seatId;
    private boolean held;
    private boolean organization;
    private String billingId;

    protected Seat() {
        // for Axon
    }

    /** A member who holds a seat already keeps it; no seat is taken twice. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(TakeSeat command, @MetaDataValue(BillingCommandFacts.SEATS) SeatFacts seats, Clock clock) {
        if (held) {
            return;
        }
        if (seats == null) {
            throw new DomainRuleViolation("Team " + command.orgId() + " has no billing; it bills no seats");
        }
        if (!seats.status().addsSeats() || seats.full()) {
            throw SeatLimitReached.refusedBy(seats);
        }
        apply(new SeatTaken(command.seatId(), command.orgId(), command.userId(), seats.organization(), seats.billingId(),
                command.triggeredBy(), clock.instant()));
    }

    @CommandHandler
    void handle(ReleaseSeat command, Clock clock) {
        if (!held) {
            throw new NotFound("User " + command.userId() + " holds no seat in team " + command.orgId());
        }
        apply(new SeatReleased(seatId, orgId, userId, organization, billingId, command.triggeredBy(), clock.instant()));
    }

    @EventSourcingHandler
    void on(SeatTaken event) {
        aggregateId = BillingIds.seat(event.orgId(), event.userId());
        seatId = event.seatId();
        orgId = event.orgId();
        userId = event.userId();
        organization = event.organization();
        billingId = event.billingId();
        held = true;
    }

    @EventSourcingHandler
    void on(SeatReleased event) {
        held = false;
    }
}
