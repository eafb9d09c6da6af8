package com.calcomalt.command.billing;

import com.calcomalt.command.features.FeatureFlags;
import com.calcomalt.command.identity.IdentityLookups;
import com.calcomalt.command.identity.IdentityLookups.MemberRecord;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.billing.BillingSet;
import com.calcomalt.contracts.billing.BillingStatusChanged;
import com.calcomalt.contracts.billing.ReleaseSeat;
import com.calcomalt.contracts.billing.SeatBilling;
import com.calcomalt.contracts.billing.TakeSeat;
import com.calcomalt.contracts.features.FeatureChanged;
import com.calcomalt.contracts.features.FeatureCreated;
import com.calcomalt.contracts.features.TeamFeatureSet;
import com.calcomalt.contracts.identity.MemberLeft;
import com.calcomalt.contracts.identity.MemberRemoved;
import com.calcomalt.contracts.identity.MembershipAccepted;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.platform.axon.CallerMetaData;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * <p>
 * Members accepted before that (the founder first of all) hold no seat, so whenever seat billing
 * comes into force or more seats are paid (the billing row set, the subscription paying again, the
 * flag turned on) the free paid seats are filled with them, in the same transaction: owners, then
 * admins, then members, each by how long they have belonged. Members beyond the paid seats keep their
 * membership and wait, without a seat, until more are paid: the billing row is the payment
 * provider's word and is recorded as it comes, but no seat is ever held beyond it.
 */
@Component
@ProcessingGroup("identity-registry")
class SeatKeeper {

    static final String SEAT_BILLING = SeatBilling.FLAG;
    /**
     * The metadata key of events the cal.com import wrote: their seats were taken (or not) in cal.com and come as
     * its Seat rows, so neither imported billing nor imported memberships or flags seat anyone here.
     */
    static final String IMPORTED = "imported";
    /** Who is seated first when there are fewer paid seats than members waiting for one. */
    private static final List<MembershipRole> SEATING_ORDER = List.of(MembershipRole.OWNER, MembershipRole.ADMIN,
            MembershipRole.MEMBER);

    private final BillingRegistry billing;
    private final FeatureFlags flags;
    private final CommandGateway commands;
    private final IdAllocator ids;

    private final IdentityLookups identity;

    SeatKeeper(BillingRegistry billing, FeatureFlags flags, CommandGateway commands, IdAllocator ids,
               IdentityLookups identity) {
        this.ids = ids;
        this.billing = billing;
        this.flags = flags;
        this.commands = commands;
        this.identity = identity;
    }

    /** The billing registry, which handles this event first ({@link BillingRegistry}'s order), has the row. */
    @EventHandler
    void on(BillingSet event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        fillSeats(event.teamId(), flags.organizationHas(SEAT_BILLING, event.teamId()), callerUserId);
    }

    @EventHandler
    void on(BillingStatusChanged event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        fillSeats(event.teamId(), flags.organizationHas(SEAT_BILLING, event.teamId()), callerUserId);
    }

    /** The flag cache takes the change in only once it commits, so the change itself says what it will be. */
    @EventHandler
    void on(TeamFeatureSet event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        if (SEAT_BILLING.equals(event.slug())) {
            fillSeats(event.teamId(), flags.teamHasWithOwnRow(SEAT_BILLING, event.teamId(), event.enabled()),
                    callerUserId);
        }
    }

    @EventHandler
    void on(FeatureCreated event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        if (SEAT_BILLING.equals(event.slug()) && event.enabled()) {
            fillSeatsEverywhere(callerUserId);
        }
    }

    @EventHandler
    void on(FeatureChanged event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        if (SEAT_BILLING.equals(event.slug()) && event.enabled()) {
            fillSeatsEverywhere(callerUserId);
        }
    }

    @EventHandler
    void on(MembershipCreated event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
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
    void on(MembershipAccepted event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        takeSeat(event.teamId(), event.userId(), callerUserId);
    }

    @EventHandler
    void on(MemberRemoved event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        releaseSeat(event.teamId(), event.userId(), callerUserId);
    }

    @EventHandler
    void on(MemberLeft event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer callerUserId,
            @MetaDataValue(IMPORTED) String imported) {
        if (imported != null) {
            return;
        }
        releaseSeat(event.teamId(), event.userId(), callerUserId);
    }

    /**
     * On the team's lock, as {@link #fillSeats}, so a member accepted meanwhile is seated by one or the
     * other. The flag cache takes a change in just after it commits, which is when the lock is released,
     * so where the cache says off the lookups are asked.
     */
    private void takeSeat(int teamId, int userId, Integer triggeredBy) {
        billing.lockTeam(teamId);
        boolean billed = billing.seats(teamId).isPresent();
        boolean flagOn = billed && (flags.organizationHas(SEAT_BILLING, teamId)
                || flags.teamHasAsCommitted(SEAT_BILLING, teamId));
        if (SeatBilling.seatBilled(flagOn, billed)) {
            commands.sendAndWait(new TakeSeat(teamId, userId, ids.next("Seat"), triggeredBy));
        }
    }

    private void fillSeatsEverywhere(Integer triggeredBy) {
        for (int teamId : billing.billedTeams()) {
            fillSeats(teamId, flags.teamHasWhenGloballyOn(SEAT_BILLING, teamId), triggeredBy);
        }
    }

    /**
     * The accepted members without a seat take the free paid seats, in order; {@code triggeredBy} is
     * who brought seat billing into force, so the change log says why each seat appeared. Each seat is
     * claimed by the billing row's conditional update, as any other.
     */
    private void fillSeats(int teamId, boolean flagOn, Integer triggeredBy) {
        if (!flagOn) {
            return;
        }
        billing.lockTeam(teamId);
        Optional<SeatFacts> seats = billing.seats(teamId);
        if (seats.isEmpty() || !seats.get().status().addsSeats()) {
            return;
        }
        Set<Integer> holders = billing.holders(teamId);
        List<MemberRecord> waiting = identity.acceptedMembers(teamId).stream()
                .filter(member -> !holders.contains(member.userId()))
                .sorted(Comparator.comparingInt((MemberRecord member) -> SEATING_ORDER.indexOf(member.role()))
                        .thenComparingInt(MemberRecord::membershipId)).toList();
        Integer paid = seats.get().paidSeats();
        long free = paid == null ? waiting.size() : Math.max(0, paid - seats.get().taken());
        waiting.stream().limit(free).forEach(member -> commands.sendAndWait(
                new TakeSeat(teamId, member.userId(), ids.next("Seat"), triggeredBy)));
    }

    /** A seat taken is given back even if the flag was turned off since. */
    private void releaseSeat(int teamId, int userId, Integer triggeredBy) {
        if (billing.holdsSeat(teamId, userId)) {
            commands.sendAndWait(new ReleaseSeat(teamId, userId, triggeredBy));
        }
    }
}
