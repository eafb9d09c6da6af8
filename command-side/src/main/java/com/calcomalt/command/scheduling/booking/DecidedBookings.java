package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.scheduling.BookingAttendeeView;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingHostView;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingSeatView;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.rules.scheduling.BookingState;
import com.calcomalt.rules.scheduling.BookingViewBuilder;
import com.calcomalt.rules.scheduling.BookingViewBuilder.Made;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A booking as the API shows it, folded from its own events: what a command answers, straight
 * from what it decided, without waiting for or depending on the read side.
 */
@Component
public class DecidedBookings {

    private final EventStore events;
    private final BookingLookups lookups;

    DecidedBookings(EventStore events, BookingLookups lookups) {
        this.events = events;
        this.lookups = lookups;
    }

    public BookingView of(String uid) {
        BookingState story = BookingState.NONE;
        for (Object event : events.readEvents(BookingIds.aggregateId(uid)).asStream()
                .map(e -> e.getPayload()).toList()) {
            if (event instanceof BookingChange change) {
                story = story.apply(change);
            }
        }
        if (story.requested() == null) {
            throw new NotFound("No booking " + uid);
        }
        return view(story);
    }

    private BookingView view(BookingState story) {
        BookingRequested r = story.requested();
        Map<Integer, Person> people = lookups.people(r.hostIds());
        List<BookingHostView> hosts = new ArrayList<>();
        for (Integer hostId : r.hostIds()) {
            Person p = people.get(hostId);
            hosts.add(p == null ? new BookingHostView(hostId, null, null, null, null)
                    : new BookingHostView(hostId, p.name(), p.email(), p.username(), p.timeZone()));
        }
        Set<String> hostEmails = new HashSet<>();
        hosts.forEach(h -> hostEmails.add(h.email()));
        List<BookingAttendeeView> attendees = story.attendees().values().stream()
                .filter(a -> !hostEmails.contains(a.email()))
                .map(a -> new BookingAttendeeView(a.name(), a.email(), a.timeZone(), a.locale(),
                        story.absent().contains(a.attendeeId()), a.phoneNumber()))
                .toList();
        List<BookingSeatView> seats = story.seats().values().stream()
                .map(s -> new BookingSeatView(s.referenceUid(), s.attendee().email(), s.data(), s.metadata()))
                .toList();
        String slug = r.eventTypeId() == null ? null : lookups.eventTypeSlug(r.eventTypeId()).orElse(null);
        return BookingViewBuilder.view(Made.of(r), story.lifecycle(), hosts, slug, attendees, seats);
    }
}
