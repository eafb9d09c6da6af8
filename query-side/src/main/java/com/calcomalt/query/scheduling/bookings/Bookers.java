package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whose API key made a booking. cal.com's tables do not say (a booker need not attend), so it is
 * read from the booking's first event: whoever booked may read what they booked.
 */
@Component
class Bookers {

    private final EventStore events;

    Bookers(EventStore events) {
        this.events = events;
    }

    boolean booked(String uid, Caller caller) {
        if (caller.teamScope() != null) {
            return false;
        }
        DomainEventStream stream = events.readEvents(BookingIds.aggregateId(uid), 0);
        return stream.hasNext() && stream.next().getPayload() instanceof BookingRequested requested
                && requested.bookedBy() == caller.userId();
    }
}
