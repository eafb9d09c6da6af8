package com.calcomalt.command.scheduling;

import com.calcomalt.command.calendar.CalendarCredential;
import com.calcomalt.command.calendar.CalendarCredential.EventTypeOwner;
import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.calendar.SelectCalendar;
import com.calcomalt.contracts.calendar.SetDestinationCalendar;
import org.springframework.stereotype.Component;

/**
 * Adds to a calendar command that names an event type who owns that event type, and for a
 * destination the caller's role in its team. Event types are Scheduling's, so Scheduling answers:
 * Calendar Integration sits below it and does not read them.
 */
@Component
class EventTypeCalendarFacts extends CommandFacts {

    EventTypeCalendarFacts(SchedulingLookups scheduling, IdentityCommandFacts identity) {
        resolve(SelectCalendar.class, (c, facts) -> {
            if (facts.caller() != null && c.eventTypeId() != null) {
                scheduling.eventType(c.eventTypeId()).ifPresent(e -> putOwner(facts, e));
            }
        });
        resolve(SetDestinationCalendar.class, (c, facts) -> {
            if (facts.caller() != null && c.eventTypeId() != null) {
                scheduling.eventType(c.eventTypeId()).ifPresent(e -> {
                    putOwner(facts, e);
                    identity.putAccess(facts, e.teamId());
                });
            }
        });
    }

    private static void putOwner(Facts facts, SchedulingLookups.EventTypeRecord eventType) {
        facts.put(CalendarCredential.EVENT_TYPE_OWNER, new EventTypeOwner(eventType.userId(), eventType.teamId()));
    }
}
