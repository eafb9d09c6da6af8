package com.calcomalt.contracts.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes one calendar of a connected account count for {@code userId}'s conflicts: for all their
 * event types, or only for {@code eventTypeId} when given (cal.com's event-level selected calendars).
 */
public record SelectCalendar(int credentialId, String selectedCalendarId, int userId, String externalId,
                             Integer eventTypeId) implements TargetsCalendarCredential {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CalendarIds.credential(credentialId);
    }
}
