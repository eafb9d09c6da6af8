package com.calcomalt.contracts.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisconnectCalendar(int credentialId) implements TargetsCalendarCredential {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CalendarIds.credential(credentialId);
    }
}
