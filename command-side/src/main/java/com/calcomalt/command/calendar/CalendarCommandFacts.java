package com.calcomalt.command.calendar;

import com.calcomalt.command.calendar.CalendarCredential.EventTypeOwner;
import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.calendar.ConnectCalendar;
import com.calcomalt.contracts.calendar.DeselectCalendar;
import com.calcomalt.contracts.calendar.DisconnectCalendar;
import com.calcomalt.contracts.calendar.SelectCalendar;
import com.calcomalt.contracts.calendar.SetDestinationCalendar;
import com.calcomalt.contracts.identity.Caller;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Adds to a calendar command what deciding it needs: the caller's role in the team that owns the
 * account or the event type, the owner of the event type a selection or destination names, and the
 * account a destination names.
 */
@Component
class CalendarCommandFacts extends CommandFacts {

    private final CalendarLookups calendars;
    private final SchedulingLookups scheduling;
    private final IdentityCommandFacts identity;

    CalendarCommandFacts(CalendarLookups calendars, SchedulingLookups scheduling, IdentityCommandFacts identity) {
        this.calendars = calendars;
        this.scheduling = scheduling;
        this.identity = identity;
    }

    @Override
    protected Map<String, Object> factsFor(Object command, Caller caller) {
        Map<String, Object> facts = new HashMap<>();
        if (caller == null) {
            return facts;
        }
        Integer teamId = null;
        Integer eventTypeId = null;
        if (command instanceof ConnectCalendar c) {
            teamId = c.teamId();
        } else if (command instanceof DisconnectCalendar c) {
            teamId = calendars.teamOf(c.credentialId());
        } else if (command instanceof SelectCalendar c) {
            teamId = calendars.teamOf(c.credentialId());
            eventTypeId = c.eventTypeId();
        } else if (command instanceof DeselectCalendar c) {
            teamId = calendars.teamOf(c.credentialId());
        } else if (command instanceof SetDestinationCalendar c) {
            calendars.credential(c.credentialId()).ifPresent(f -> facts.put(DestinationCalendar.CREDENTIAL, f));
            eventTypeId = c.eventTypeId();
        }
        if (eventTypeId != null) {
            var eventType = scheduling.eventType(eventTypeId);
            eventType.ifPresent(e -> facts.put(CalendarCredential.EVENT_TYPE_OWNER, new EventTypeOwner(e.userId(), e.teamId())));
            if (command instanceof SetDestinationCalendar) {
                teamId = eventType.map(SchedulingLookups.EventTypeRecord::teamId).orElse(null);
            }
        }
        if (teamId != null) {
            identity.access(caller, teamId).ifPresent(access -> facts.put(IdentityCommandFacts.ACCESS, access));
        }
        return facts;
    }
}
