package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookingAttendeeView;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingHostView;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingPaymentView;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
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
    private final BookingPayments payments;

    DecidedBookings(EventStore events, BookingLookups lookups, BookingPayments payments) {
        this.events = events;
        this.lookups = lookups;
        this.payments = payments;
    }

    /** The booking without its payments, for readers that are not its host side. */
    public BookingView of(String uid) {
        return view(story(uid), List.of());
    }

    /** The booking as {@code caller} sees it: its payments only for its hosts and system admins. */
    public BookingView of(String uid, Caller caller) {
        BookingState story = story(uid);
        return view(story, hostSide(story, caller) ? payments.of(uid) : List.of());
    }

    /**
     * The booking as the answer to its request shows it: a booking made to be paid carries what its
     * booker pays with (the intent's client secret), which takes Stripe a moment to make.
     */
    public BookingView forBooker(String uid, Caller caller) {
        BookingState story = story(uid);
        if (story.payment() != null) {
            return view(story, payments.forBooker(story.payment()));
        }
        return view(story, hostSide(story, caller) ? payments.of(uid) : List.of());
    }

    private static boolean hostSide(BookingState story, Caller caller) {
        return caller.systemAdmin() || caller.teamScope() == null
                && story.requested().hostIds().contains(caller.userId());
    }

    private BookingState story(String uid) {
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
        return story;
    }

    /**
     * Whether the booking was made to be paid for: its BookingPaymentRequired is stored with its
     * BookingRequested, in the same append, so a reader of the BookingRequested finds it already.
     */
    public boolean madeToBePaid(String uid) {
        return events.readEvents(BookingIds.aggregateId(uid)).asStream()
                .anyMatch(event -> event.getPayload() instanceof BookingPaymentRequired);
    }

    private BookingView view(BookingState story, List<BookingPaymentView> shownPayments) {
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
        return BookingViewBuilder.view(Made.of(r), story.lifecycle(), hosts, slug, attendees, seats, shownPayments);
    }
}
