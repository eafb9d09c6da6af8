package com.calcomalt.command.scheduling;

import com.calcomalt.command.billing.SeatHolders;
import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.IdentityLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.contracts.scheduling.CreateSchedule;
import com.calcomalt.contracts.scheduling.NamesOutOfOfficeRows;
import com.calcomalt.contracts.scheduling.ReserveSlot;
import com.calcomalt.contracts.scheduling.TargetsEventType;
import com.calcomalt.contracts.scheduling.TargetsSchedule;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Adds to a scheduling command, inside its transaction, what its aggregate needs to know beyond
 * itself: the user's other schedules, the caller's role in the owning team, the team's members.
 * For a team's new event type the caller's role comes from {@link IdentityCommandFacts}, like every
 * command {@link com.calcomalt.contracts.identity.OwnedByTeam owned by a team}.
 */
@Component
public class SchedulingCommandFacts extends CommandFacts {

    private final SchedulingLookups scheduling;
    private final SeatHolders seats;
    private final IdentityLookups identity;
    private final IdentityCommandFacts identityFacts;

    public SchedulingCommandFacts(SchedulingLookups scheduling, IdentityLookups identity,
                                  IdentityCommandFacts identityFacts, SeatHolders seats) {
        this.seats = seats;
        this.scheduling = scheduling;
        this.identity = identity;
        this.identityFacts = identityFacts;
        resolve(CreateSchedule.class, (c, facts) -> facts.put(Schedule.FACTS,
                new ScheduleFacts(scheduling.defaultScheduleOf(c.userId()), scheduling.schedulesOf(c.userId()))));
        resolve(TargetsSchedule.class, (c, facts) -> putScheduleFacts(facts, c.scheduleId()));
        resolve(CreateEventType.class, (c, facts) -> putWorkers(facts, null, c.userId(), c.teamId()));
        resolve(TargetsEventType.class, (c, facts) -> scheduling.eventType(c.eventTypeId()).ifPresent(eventType -> {
            if (eventType.teamId() != null) {
                identityFacts.putAccess(facts, eventType.teamId());
            }
            putWorkers(facts, eventType.eventTypeId(), eventType.userId(), eventType.teamId());
        }));
        resolve(NamesOutOfOfficeRows.class, this::putOutOfOfficeFacts);
        resolve(ReserveSlot.class, (c, facts) ->
                facts.put(SlotReservation.EVENT_TYPE_EXISTS, scheduling.eventType(c.eventTypeId()).isPresent()));
    }

    /** Only for what the command names; the rows the entry points at must exist before its row does. */
    private void putOutOfOfficeFacts(NamesOutOfOfficeRows command, Facts facts) {
        if (command.reasonId() != null) {
            facts.put(OutOfOffice.REASON_EXISTS, scheduling.outOfOfficeReasonExists(command.reasonId()));
        }
        if (command.toUserId() != null) {
            facts.put(OutOfOffice.REDIRECT_USER_EXISTS, identity.user(command.toUserId()).isPresent());
        }
    }

    private void putScheduleFacts(Facts facts, int scheduleId) {
        scheduling.ownerOfSchedule(scheduleId).ifPresent(userId -> {
            List<Integer> others = scheduling.schedulesOf(userId).stream().filter(id -> id != scheduleId).toList();
            facts.put(Schedule.FACTS, new ScheduleFacts(scheduling.defaultScheduleOf(userId), others));
        });
    }

    /**
     * Who an event type's hours can come from: its owner, or its team's accepted members (by user id,
     * with who of them holds no seat), and the schedules they own or it works by now.
     */
    private void putWorkers(Facts facts, Integer eventTypeId, Integer userId, Integer teamId) {
        if (teamId != null) {
            var members = identity.acceptedMembers(teamId).stream().collect(Collectors.toMap(
                    IdentityLookups.MemberRecord::userId, IdentityLookups.MemberRecord::membershipId));
            facts.put(EventType.MEMBERS, new TeamMembers(members, seats.withoutSeat(teamId, members.keySet())));
            facts.put(EventType.SCHEDULE_OWNERS, scheduling.scheduleOwners(members.keySet(), eventTypeId));
        } else if (userId != null) {
            facts.put(EventType.SCHEDULE_OWNERS, scheduling.scheduleOwners(List.of(userId), eventTypeId));
        }
    }
}
