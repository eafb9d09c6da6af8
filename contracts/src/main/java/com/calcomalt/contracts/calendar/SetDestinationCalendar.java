package com.calcomalt.contracts.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Names the calendar new bookings are written to: a user's (when {@code eventTypeId} is null) or one
 * event type's, which wins over its hosts' own. {@code destinationCalendarId} is used only when the
 * owner has none yet; a change keeps the row's id, as cal.com updates it in place.
 */
public record SetDestinationCalendar(int destinationCalendarId, Integer userId, Integer eventTypeId,
                                     int credentialId, String externalId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CalendarIds.destination(userId, eventTypeId);
    }
}
