package com.calcomalt.contracts.scheduling;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records who did not come: the host ({@code host} non-null), attendees by email, or both. */
public record MarkBookingAbsence(String uid, Boolean host, Map<String, Boolean> attendees) implements TargetsBooking {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
