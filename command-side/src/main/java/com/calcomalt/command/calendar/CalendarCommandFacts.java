package com.calcomalt.command.calendar;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.calendar.SetDestinationCalendar;
import com.calcomalt.contracts.calendar.TargetsCalendarCredential;
import org.springframework.stereotype.Component;

/**
 * Adds to a calendar command what deciding it needs: the caller's role in the team that owns the
 * account, and the account a destination names. For a team's new account, and for a delegation
 * credential, the caller's role comes from {@link IdentityCommandFacts}. What a command needs to know of
 * an event type it names, Scheduling adds. A command the system sends gets none.
 */
@Component
class CalendarCommandFacts extends CommandFacts {

    private final CalendarLookups calendars;

    CalendarCommandFacts(CalendarLookups calendars, IdentityCommandFacts identity) {
        this.calendars = calendars;
        resolve(TargetsCalendarCredential.class, (c, facts) -> {
            if (facts.caller() != null) {
                identity.putAccess(facts, calendars.teamOf(c.credentialId()));
            }
        });
        resolve(SetDestinationCalendar.class, this::putDestinationFacts);
    }

    private void putDestinationFacts(SetDestinationCalendar command, Facts facts) {
        if (facts.caller() != null) {
            calendars.credential(command.credentialId()).ifPresent(f -> facts.put(DestinationCalendar.CREDENTIAL, f));
        }
    }
}
