package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a booking to another start: a new booking (newUid, newBookingId) replaces it, and it is cancelled as rescheduled. The new booking's attendees take their Attendee ids from {@code newAttendeeIds}, in order; it holds at least as many ids as the booking has attendees plus hosts. */
public record RescheduleBooking(String uid, String newUid, int newBookingId, Instant start, Instant end, List<Integer> newAttendeeIds, String reason) implements TargetsBooking {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
