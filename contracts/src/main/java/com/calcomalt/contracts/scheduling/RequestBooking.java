package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Books a slot of an event type for an attendee and guests; {@code end} follows the chosen duration. A seat of a seated event type comes with {@code seat}. {@code reservationUid} names the caller's own hold on the slot, which the booking ends. Hosts who join a booking as attendees (a team event type's other hosts, as cal.com records them) take their Attendee ids from {@code hostAttendeeIds}, in order. */
public record RequestBooking(String uid, int bookingId, int eventTypeId, Instant start, Instant end, BookingAttendee attendee, List<BookingAttendee> guests, List<Integer> hostAttendeeIds, Map<String, Object> responses, String description, String location, Map<String, Object> metadata, UtmParameters tracking, BookingSeatData seat, String reservationUid) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return BookingIds.aggregateId(uid);
    }
}
