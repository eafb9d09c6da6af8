package com.calcomalt.command.calendar;

import com.calcomalt.command.calendar.CalendarCredential.EventTypeOwner;
import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.calendar.SelectCalendar;
import com.calcomalt.contracts.calendar.SetDestinationCalendar;
import com.calcomalt.contracts.calendar.TargetsCalendarCredential;
import org.springframework.stereotype.Component;

/**
 * Adds to a calendar command what deciding it needs: the caller's role in the team that owns the
 * account or the event type, the owner of the event type a selection or destination names, and the
 * account a destination names. For a team's new account, and for a delegation credential, the
 * caller's role comes from {@link IdentityCommandFacts}. A command the system sends gets none.
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
        resolve(TargetsCalendarCredential.class, (c, facts) -> {
            if (facts.caller() != null) {
                identity.putAccess(facts, calendars.teamOf(c.credentialId()));
            }
        });
        resolve(SelectCalendar.class, (c, facts) -> {
            if (facts.caller() != null && c.eventTypeId() != null) {
                scheduling.eventType(c.eventTypeId()).ifPresent(e -> putOwner(facts, e));
            }
        });
        resolve(SetDestinationCalendar.class, this::putDestinationFacts);
    }

    private void putDestinationFacts(SetDestinationCalendar command, Facts facts) {
        if (facts.caller() == null) {
            return;
        }
        calendars.credential(command.credentialId()).ifPresent(f -> facts.put(DestinationCalendar.CREDENTIAL, f));
        if (command.eventTypeId() != null) {
            scheduling.eventType(command.eventTypeId()).ifPresent(e -> {
                putOwner(facts, e);
                identity.putAccess(facts, e.teamId());
            });
        }
    }

    private static void putOwner(Facts facts, SchedulingLookups.EventTypeRecord eventType) {
        facts.put(CalendarCredential.EVENT_TYPE_OWNER, new EventTypeOwner(eventType.userId(), eventType.teamId()));
    }
}
