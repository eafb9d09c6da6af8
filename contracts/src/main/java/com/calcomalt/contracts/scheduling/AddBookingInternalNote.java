package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A note the host's side keeps on a booking, never shown to attendees. */
public record AddBookingInternalNote(String uid, int noteId, String text) implements TargetsBooking {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
