package com.calcomalt.contracts.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeselectCalendar(int credentialId, int userId, String externalId, Integer eventTypeId) implements TargetsCalendarCredential {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CalendarIds.credential(credentialId);
    }
}
