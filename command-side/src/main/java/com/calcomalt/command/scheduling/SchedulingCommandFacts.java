package com.calcomalt.command.scheduling;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.IdentityLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.AssignManagedEventType;
import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.contracts.scheduling.CreateOutOfOffice;
import com.calcomalt.contracts.scheduling.CreatePrivateLink;
import com.calcomalt.contracts.scheduling.CreateSchedule;
import com.calcomalt.contracts.scheduling.DeleteEventType;
import com.calcomalt.contracts.scheduling.DeletePrivateLink;
import com.calcomalt.contracts.scheduling.DeleteSchedule;
import com.calcomalt.contracts.scheduling.ReserveSlot;
import com.calcomalt.contracts.scheduling.UpdateEventType;
import com.calcomalt.contracts.scheduling.UpdateOutOfOffice;
import com.calcomalt.contracts.scheduling.UpdateSchedule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Adds to a scheduling command, inside its transaction, what its aggregate needs to know beyond
 * itself: the user's other schedules, the caller's role in the owning team, the team's members.
 */
@Component
public class SchedulingCommandFacts extends CommandFacts {

    private final SchedulingLookups scheduling;
    private final IdentityLookups identity;
    private final IdentityCommandFacts identityFacts;

    public SchedulingCommandFacts(SchedulingLookups scheduling, IdentityLookups identity,
                                  IdentityCommandFacts identityFacts) {
        this.scheduling = scheduling;
        this.identity = identity;
        this.identityFacts = identityFacts;
    }

    @Override
    protected Map<String, Object> factsFor(Object command, Caller caller) {
        Map<String, Object> facts = new HashMap<>();
        if (command instanceof CreateSchedule c) {
            facts.put(Schedule.FACTS, new ScheduleFacts(scheduling.defaultScheduleOf(c.userId()),
                    scheduling.schedulesOf(c.userId())));
        } else if (command instanceof UpdateSchedule c) {
            putScheduleFacts(facts, c.scheduleId());
        } else if (command instanceof DeleteSchedule c) {
            putScheduleFacts(facts, c.scheduleId());
        } else if (command instanceof CreateEventType c) {
            if (c.teamId() != null) {
                putTeamFacts(facts, caller, c.teamId());
            }
        } else if (command instanceof CreateOutOfOffice c) {
            putOutOfOfficeFacts(facts, c.reasonId(), c.toUserId());
        } else if (command instanceof UpdateOutOfOffice c) {
            putOutOfOfficeFacts(facts, c.reasonId(), c.toUserId());
        } else if (command instanceof ReserveSlot c) {
            facts.put(SlotReservation.EVENT_TYPE_EXISTS, scheduling.eventType(c.eventTypeId()).isPresent());
        } else {
            Integer eventTypeId = eventTypeIdOf(command);
            if (eventTypeId != null) {
                scheduling.eventType(eventTypeId).map(SchedulingLookups.EventTypeRecord::teamId)
                        .ifPresent(teamId -> putTeamFacts(facts, caller, teamId));
            }
        }
        return facts;
    }

    /** Only for what the command names; the rows the entry points at must exist before its row does. */
    private void putOutOfOfficeFacts(Map<String, Object> facts, Integer reasonId, Integer toUserId) {
        if (reasonId != null) {
            facts.put(OutOfOffice.REASON_EXISTS, scheduling.outOfOfficeReasonExists(reasonId));
        }
        if (toUserId != null) {
            facts.put(OutOfOffice.REDIRECT_USER_EXISTS, identity.user(toUserId).isPresent());
        }
    }

    private static Integer eventTypeIdOf(Object command) {
        if (command instanceof UpdateEventType c) {
            return c.eventTypeId();
        } else if (command instanceof DeleteEventType c) {
            return c.eventTypeId();
        } else if (command instanceof AssignManagedEventType c) {
            return c.eventTypeId();
        } else if (command instanceof CreatePrivateLink c) {
            return c.eventTypeId();
        } else if (command instanceof DeletePrivateLink c) {
            return c.eventTypeId();
        }
        return null;
    }

    private void putScheduleFacts(Map<String, Object> facts, int scheduleId) {
        scheduling.ownerOfSchedule(scheduleId).ifPresent(userId -> {
            List<Integer> others = scheduling.schedulesOf(userId).stream().filter(id -> id != scheduleId).toList();
            facts.put(Schedule.FACTS, new ScheduleFacts(scheduling.defaultScheduleOf(userId), others));
        });
    }

    private void putTeamFacts(Map<String, Object> facts, Caller caller, int teamId) {
        if (caller != null) {
            identityFacts.access(caller, teamId).ifPresent(access -> facts.put(IdentityCommandFacts.ACCESS, access));
        }
        facts.put(EventType.MEMBERS, new TeamMembers(identity.acceptedMembers(teamId).stream()
                .collect(Collectors.toMap(IdentityLookups.MemberRecord::userId,
                        IdentityLookups.MemberRecord::membershipId))));
    }
}
