package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookSeat;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.ReleaseSlot;
import com.calcomalt.contracts.scheduling.RequestBooking;
import com.calcomalt.contracts.scheduling.RescheduleBooking;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.UtmParameters;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Takes a booker's request to the right aggregate: a new booking, or a seat of the seated booking
 * that already holds that start. It decides the new rows' ids, keeps a client's Idempotency-Key,
 * and tries once more when a concurrent booker won a race the request could still win otherwise
 * (the seats of a start opened a moment ago, or another free round-robin host).
 */
@Component
class BookingDesk {

    /** A round-robin request that lost its host to a concurrent booking tries the next free one. */
    private static final int ROUND_ROBIN_ATTEMPTS = 3;

    private final CommandGateway commands;
    private final BookingLookups lookups;
    private final DecidedBookings views;
    private final IdAllocator ids;
    private final HostCalendarBusy calendars;

    BookingDesk(CommandGateway commands, BookingLookups lookups, DecidedBookings views, IdAllocator ids,
                HostCalendarBusy calendars) {
        this.commands = commands;
        this.lookups = lookups;
        this.views = views;
        this.ids = ids;
        this.calendars = calendars;
    }

    /** What a booker asks for; {@code lengthInMinutes} null means the event type's length. */
    record Ask(int eventTypeId, Instant start, Integer lengthInMinutes, Person attendee, List<String> guests,
               String location, String notes, Map<String, Object> responses, Map<String, Object> metadata,
               Utm tracking, String reservationUid) {
    }

    record Person(String name, String email, String timeZone, String language, String phoneNumber) {
    }

    record Utm(String source, String medium, String campaign, String term, String content) {
    }

    /** The booking made (or found again for a repeated request), and the booker's seat in it. */
    record Outcome(BookingView booking, String seatUid, boolean repeated) {
    }

    /** A client's key for a request, and a digest of the request, so a different request under it is told apart. */
    record Idempotency(String key, String requestHash) {
    }

    Outcome book(Ask ask, Caller caller, Idempotency idempotency) {
        if (idempotency != null) {
            Optional<Outcome> earlier = earlier(caller, idempotency);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        EventTypeSnapshot eventType = lookups.eventType(ask.eventTypeId())
                .orElseThrow(() -> new NotFound("No event type " + ask.eventTypeId()));
        Instant end = ask.start().plus(Duration.ofMinutes(ask.lengthInMinutes() != null ? ask.lengthInMinutes()
                : eventType.settings().length()));
        boolean seated = eventType.settings().seatsPerTimeSlot() != null;
        try {
            if (seated) {
                Optional<String> open = lookups.seatedBooking(eventType.id(), ask.start());
                if (open.isPresent()) {
                    return joinSeats(open.get(), ask, idempotency);
                }
            }
            int attempts = eventType.schedulingType() == SchedulingType.roundRobin ? ROUND_ROBIN_ATTEMPTS : 1;
            Map<Integer, List<Interval>> calendarBusy = calendarBusy(eventType, ask.start(), end);
            for (int attempt = 1; ; attempt++) {
                try {
                    return request(eventType, ask, end, idempotency, calendarBusy, caller);
                } catch (RuntimeException e) {
                    if (seated && cause(e, BookingRegistry.SeatedSlotTaken.class) != null) {
                        String open = lookups.seatedBooking(eventType.id(), ask.start()).orElseThrow(() -> e);
                        return joinSeats(open, ask, idempotency);
                    }
                    if (attempt >= attempts || cause(e, DomainConflict.class) == null) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            if (idempotency != null && cause(e, BookingRequestKeys.KeyUsed.class) != null) {
                return earlier(caller, idempotency).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** A new booking replaces the old one at another start, with new ids for it and its attendees. */
    BookingView reschedule(String uid, Instant start, Integer lengthInMinutes, String reason) {
        BookingLookups.BookingRecord booking = lookups.booking(uid).orElseThrow(() -> new NotFound("No booking " + uid));
        int minutes = lengthInMinutes != null ? lengthInMinutes
                : (int) Duration.between(booking.start(), booking.end()).toMinutes();
        BookingView current = views.of(uid);
        int attendeeCount = current.attendees().size() + current.hosts().size() + 1;
        String newUid = Ids.text();
        Instant end = start.plus(Duration.ofMinutes(minutes));
        Map<Integer, List<Interval>> calendarBusy = booking.eventTypeId() == null ? Map.of()
                : lookups.eventType(booking.eventTypeId()).map(e -> calendarBusy(e, start, end)).orElse(Map.of());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RescheduleBooking(uid, newUid,
                ids.next("Booking"), start, end, ids.next("Attendee", attendeeCount), reason))
                .andMetaData(MetaData.with(BookingCommandFacts.CALENDAR_BUSY, calendarBusy)));
        return views.of(newUid);
    }

    /** A seat of a seated booking named by its uid. */
    Outcome takeSeat(String bookingUid, Ask ask) {
        return joinSeats(bookingUid, ask, null);
    }

    BookingView view(String uid, Caller caller) {
        return views.of(uid, caller);
    }

    /**
     * The hosts' calendars around a start, read before the command and handed to it, so no calendar
     * server is asked while the command's transaction holds its locks.
     */
    private Map<Integer, List<Interval>> calendarBusy(EventTypeSnapshot eventType, Instant start, Instant end) {
        return calendars.of(BookingLookups.hostsOf(eventType).stream().map(Host::userId).toList(),
                eventType.id(), start.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)));
    }

    private Outcome request(EventTypeSnapshot eventType, Ask ask, Instant end, Idempotency idempotency,
                            Map<Integer, List<Interval>> calendarBusy, Caller caller) {
        boolean seated = eventType.settings().seatsPerTimeSlot() != null;
        List<String> guests = ask.guests() == null ? List.of() : ask.guests();
        int hostsAsAttendees = Math.max(0, BookingLookups.hostsOf(eventType).size() - 1);
        Iterator<Integer> attendeeIds = ids.next("Attendee", 1 + guests.size() + hostsAsAttendees).iterator();
        BookingAttendee attendee = attendee(attendeeIds.next(), ask.attendee());
        List<BookingAttendee> guestAttendees = new ArrayList<>();
        for (String guest : guests) {
            guestAttendees.add(new BookingAttendee(attendeeIds.next(), "", guest, attendee.timeZone(),
                    attendee.locale(), null));
        }
        List<Integer> hostAttendeeIds = new ArrayList<>();
        attendeeIds.forEachRemaining(hostAttendeeIds::add);
        BookingSeatData seat = seated ? seat(attendee, ask) : null;
        UtmParameters tracking = ask.tracking() == null ? null : new UtmParameters(ids.next("Tracking"),
                ask.tracking().source(), ask.tracking().medium(), ask.tracking().campaign(), ask.tracking().term(),
                ask.tracking().content());
        String uid = Ids.text();
        send(new RequestBooking(uid, ids.next("Booking"), eventType.id(), ask.start(), end, seated ? null : attendee,
                guestAttendees, hostAttendeeIds, ask.responses(), ask.notes(), ask.location(), ask.metadata(),
                tracking, seat, ask.reservationUid()), idempotency, calendarBusy);
        releaseHold(ask.reservationUid());
        return new Outcome(views.forBooker(uid, caller), seat == null ? null : seat.referenceUid(), false);
    }

    private Outcome joinSeats(String bookingUid, Ask ask, Idempotency idempotency) {
        BookingSeatData seat = seat(attendee(ids.next("Attendee"), ask.attendee()), ask);
        send(new BookSeat(bookingUid, seat), idempotency, Map.of());
        releaseHold(ask.reservationUid());
        return new Outcome(views.of(bookingUid), seat.referenceUid(), false);
    }

    private BookingSeatData seat(BookingAttendee attendee, Ask ask) {
        return new BookingSeatData(ids.next("BookingSeat"), Ids.text(), attendee,
                Map.of("responses", ask.responses() == null ? Map.of() : ask.responses(),
                        "description", ask.notes() == null ? "" : ask.notes()),
                ask.metadata() == null ? Map.of() : ask.metadata());
    }

    private static BookingAttendee attendee(int id, Person person) {
        return new BookingAttendee(id, person.name(), person.email(), person.timeZone(),
                person.language() == null ? "en" : person.language(), person.phoneNumber());
    }

    private void send(Object command, Idempotency idempotency, Map<Integer, List<Interval>> calendarBusy) {
        MetaData metaData = (idempotency == null ? MetaData.emptyInstance()
                : MetaData.with(BookingRequestKeys.IDEMPOTENCY_KEY, idempotency.key())
                        .and(BookingRequestKeys.REQUEST_HASH, idempotency.requestHash()))
                .and(BookingCommandFacts.CALENDAR_BUSY, calendarBusy);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    /** The booker's hold on the slot ends with the booking; a hold that ran out meanwhile is no matter. */
    private void releaseHold(String reservationUid) {
        if (reservationUid != null) {
            commands.send(new ReleaseSlot(reservationUid));
        }
    }

    private Optional<Outcome> earlier(Caller caller, Idempotency idempotency) {
        return lookups.request(caller.userId(), idempotency.key()).map(stored -> {
            if (!stored.requestHash().equals(idempotency.requestHash())) {
                throw new DomainRuleViolation("Idempotency-Key " + idempotency.key()
                        + " was used for a different request");
            }
            return new Outcome(views.forBooker(stored.bookingUid(), caller), stored.seatUid(), true);
        });
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
