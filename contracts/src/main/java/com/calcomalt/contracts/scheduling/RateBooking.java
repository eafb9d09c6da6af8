package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An attendee's rating of a booking that took place, 1 to 5, with optional feedback. */
public record RateBooking(String uid, int rating, String feedback) implements TargetsBooking {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
