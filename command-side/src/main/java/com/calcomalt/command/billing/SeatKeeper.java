package com.calcomalt.command.billing;

import com.calcomalt.command.features.FeatureFlags;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.billing.ReleaseSeat;
import com.calcomalt.contracts.billing.TakeSeat;
import com.calcomalt.contracts.identity.MemberLeft;
import com.calcomalt.contracts.identity.MemberRemoved;
import com.calcomalt.contracts.identity.MembershipAccepted;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.platform.axon.CallerMetaData;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Billing reacting to Identity, in the membership's own transaction: accepting a membership of a
 * seat-billed organization or team takes a seat, ending it gives the seat back, and an invitation
 * there is refused while no seat is left, so the refusal stores nothing at all. A team is seat-billed
 * while it has a billing row and the {@value #SEAT_BILLING} flag (FeatureFlags) is on for it.
 */
@Component
@ProcessingGroup("identity-registry")
class SeatKeeper {

    static final String SEAT_BILLING = "seat-billing";

    private final BillingRegistry billing;
    private final FeatureFlags flags;
    private final CommandGateway commands;
    private final IdAllocator ids;

    SeatKeeper(BillingRegistry billing, FeatureFlags flags, CommandGateway commands, IdAllocator ids) {
        this.ids = ids;
        this.billing = billing;
        this.flags = flags;
        this.commands = commands;
    }

    @EventHandler
    void on(MembershipCreated event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId) {
        if (event.accepted()) {
            takeSeat(event.teamId(), event.userId(), callerUserId);
        } else if (flags.organizationHas(SEAT_BILLING, event.teamId())) {
            billing.seats(event.teamId()).filter(seats -> !seats.status().addsSeats() || seats.full())
                    .ifPresent(seats -> {
                        throw SeatLimitReached.refusedBy(seats);
                    });
        }
    }

    @EventHandler
    void on(MembershipAccepted event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId) {
        takeSeat(event.teamId(), event.userId(), callerUserId);
    }

    @EventHandler
    void on(MemberRemoved event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId) {
        releaseSeat(event.teamId(), event.userId(), callerUserId);
    }

    @EventHandler
    void on(MemberLeft event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId) {
        releaseSeat(event.teamId(), event.userId(), callerUserId);
    }

    private void takeSeat(int teamId, int userId, Integer triggeredBy) {
        if (flags.organizationHas(SEAT_BILLING, teamId) && billing.seats(teamId).isPresent()) {
            commands.sendAndWait(new TakeSeat(teamId, userId, ids.next("Seat"), triggeredBy));
        }
    }

    /** A seat taken is given back even if the flag was turned off since. */
    private void releaseSeat(int teamId, int userId, Integer triggeredBy) {
        if (billing.holdsSeat(teamId, userId)) {
            commands.sendAndWait(new ReleaseSeat(teamId, userId, triggeredBy));
        }
    }
}
