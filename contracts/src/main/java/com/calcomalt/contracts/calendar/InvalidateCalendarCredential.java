package com.calcomalt.contracts.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the system when the calendar server refused the stored login, as cal.com marks it. */
public record InvalidateCalendarCredential(int credentialId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CalendarIds.credential(credentialId);
    }
}
