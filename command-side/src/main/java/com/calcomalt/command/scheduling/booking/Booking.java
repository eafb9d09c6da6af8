package com.calcomalt.command.scheduling.booking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.AddBookingInternalNote;
import com.calcomalt.contracts.scheduling.AddBookingReference;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookSeat;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.CancelBooking;
import com.calcomalt.contracts.scheduling.CancelSeat;
import com.calcomalt.contracts.scheduling.ConfirmBooking;
import com.calcomalt.contracts.scheduling.DeclineBooking;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.MarkBookingAbsence;
import com.calcomalt.contracts.scheduling.RateBooking;
import com.calcomalt.contracts.scheduling.RemoveBookingReference;
import com.calcomalt.contracts.scheduling.RequestBooking;
import com.calcomalt.contracts.scheduling.RescheduleBooking;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A booking of an event type, through cal.com's lifecycle: requested (ACCEPTED, or PENDING until
 * the host confirms or declines), then cancelled, rescheduled (a new booking replaces it), or held
 * with attendees marked absent, rated, annotated. A seated booking holds one seat per attendee and
 * lives until its last seat is given back. That a host is free is judged by the scheduling rules
 * before the booking is made; that no two bookings of a host overlap is kept by the
 * {@link BookingRegistry}'s exclusion constraint in the transaction of the events.
 */
@Aggregate
public class Booking {

    @AggregateIdentifier
    private String aggregateId;
    private String uid;
    private int bookingId;
    private Integer eventTypeId;
    private Integer userId;
    private List<Integer> hostIds = List.of();
    private int bookedBy;
    private BookingStatus status;
    private Instant start;
    private Instant end;
    private String title;
    private String description;
    private String location;
    private Map<String, Object> responses = Map.of();
    private Map<String, Object> metadata = Map.of();
    private String iCalUID;
    private int iCalSequence;
    private final Map<Integer, BookingAttendee> attendees = new LinkedHashMap<>();
    private final Set<Integer> hostAttendees = new HashSet<>();
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private boolean seated;
    private final Set<Integer> references = new HashSet<>();
    private final Set<Integer> notes = new HashSet<>();

    private record Seat(int seatId, int attendeeId, String email, Integer bookedBy) {
    }

    protected Booking() {
        // for Axon
    }

    @CommandHandler
    Booking(RequestBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
            @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        if (caller == null) {
            throw new AccessDenied("Bookings are made by a known caller");
        }
        EventTypeSnapshot eventType = requireBookable(facts, command.eventTypeId());
        requireDuration(eventType, command.start(), command.end());
        boolean seatedType = eventType.settings().seatsPerTimeSlot() != null;
        List<BookingAttendee> guests = Objects.requireNonNullElse(command.guests(), List.of());
        if (seatedType != (command.seat() != null)) {
            throw new DomainRuleViolation(seatedType ? "Event type " + eventType.id() + " is booked by the seat"
                    : "Event type " + eventType.id() + " has no seats");
        }
        if (!guests.isEmpty() && (seatedType || Boolean.TRUE.equals(eventType.settings().disableGuests()))) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " takes no guests");
        }
        Instant now = clock.instant();
        List<Integer> hosts = chooseHosts(eventType, facts, command.start(), now, null);
        Person organizer = person(facts, hosts.get(0));
        BookingStatus status = Boolean.TRUE.equals(eventType.settings().requiresConfirmation())
                ? BookingStatus.pending : BookingStatus.accepted;
        BookingAttendee booker = command.seat() != null ? command.seat().attendee() : command.attendee();
        List<BookingAttendee> attendees = new ArrayList<>();
        if (command.seat() == null) {
            attendees.add(command.attendee());
            attendees.addAll(guests);
        }
        attendees.addAll(hostsAsAttendees(facts, hosts, command.hostAttendeeIds(), booker));
        String location = command.location() != null ? command.location() : defaultLocation(eventType);
        Map<String, Object> responses = responses(booker, guests, location, command.description(),
                command.responses());
        Object smsNumber = responses.get("smsReminderNumber");
        apply(new BookingRequested(command.bookingId(), command.uid(), eventType.id(), organizer.userId(), hosts,
                organizer.email(), title(eventType, organizer, booker), command.description(), command.start(),
                command.end(), buffer(eventType.settings().beforeEventBuffer()),
                buffer(eventType.settings().afterEventBuffer()), location, status, attendees, responses, Map.of(),
                Objects.requireNonNullElse(command.metadata(), Map.of()),
                smsNumber instanceof String s ? s : null, command.uid() + "@Cal.com", 0,
                CalcomIdempotencyKey.of(command.start(), command.end(), organizer.userId()), null, null,
                command.seat(), command.tracking(), CreationSource.api_v2, caller.userId(),
                snapshot(eventType, organizer), now));
    }

    /** The booking a reschedule makes: the same people and answers at a new time, in the same calendar event. */
    private Booking(BookingRequested moved) {
        apply(moved);
    }

    @CommandHandler
    void handle(BookSeat command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        if (caller == null) {
            throw new AccessDenied("Seats are booked by a known caller");
        }
        requireTakingPlace();
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            throw new DomainRuleViolation("Booking " + uid + " has started; its seats are closed");
        }
        int capacity = facts == null || facts.eventType() == null
                || facts.eventType().settings().seatsPerTimeSlot() == null
                ? seats.size() : facts.eventType().settings().seatsPerTimeSlot();
        if (!seated) {
            throw new DomainRuleViolation("Booking " + uid + " has no seats");
        }
        String email = command.seat().attendee().email();
        if (seats.values().stream().anyMatch(s -> s.email().equalsIgnoreCase(email))) {
            throw new DomainConflict(email + " has a seat at booking " + uid + " already");
        }
        if (seats.size() >= capacity) {
            throw new DomainConflict("All " + capacity + " seats of booking " + uid + " are taken");
        }
        apply(new BookingSeatBooked(uid, bookingId, command.seat(), now));
    }

    @CommandHandler
    void handle(CancelSeat command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        Seat seat = seats.get(command.seatReferenceUid());
        if (seat == null) {
            throw new NotFound("Booking " + uid + " has no seat " + command.seatReferenceUid());
        }
        boolean seatHolder = caller != null && seat.bookedBy() != null && caller.teamScope() == null
                && caller.userId() == seat.bookedBy();
        if (!seatHolder && !hostSide(caller, facts)) {
            throw new AccessDenied("A seat is given back by whom booked it or by the host");
        }
        requireTakingPlace();
        Instant now = clock.instant();
        requireNotOver(now, "its seats cannot be given back");
        apply(new BookingSeatCancelled(uid, bookingId, seat.seatId(), command.seatReferenceUid(), seat.attendeeId(), now));
        if (seats.isEmpty()) {
            apply(new BookingCancelled(uid, bookingId, command.reason(), emailOf(facts, caller), now));
        }
    }

    @CommandHandler
    void handle(ConfirmBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "confirms");
        requirePending("confirmed");
        Instant now = clock.instant();
        requireNotOver(now, "it cannot be confirmed");
        apply(new BookingConfirmed(uid, bookingId, caller.userId(), now));
    }

    @CommandHandler
    void handle(DeclineBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "declines");
        requirePending("declined");
        apply(new BookingDeclined(uid, bookingId, command.reason(), caller.userId(), clock.instant()));
    }

    @CommandHandler
    void handle(CancelBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        if (!hostSide(caller, facts) && !(booker(caller) && !seated)) {
            throw new AccessDenied(seated ? "A seated booking is cancelled by its host; a booker gives back a seat"
                    : "A booking is cancelled by its host or by whom booked it");
        }
        requireTakingPlace();
        if (!hostSide(caller, facts) && facts != null && facts.eventType() != null
                && Boolean.TRUE.equals(facts.eventType().settings().disableCancelling())) {
            throw new DomainRuleViolation("Event type " + eventTypeId + " does not let bookers cancel");
        }
        Instant now = clock.instant();
        requireNotOver(now, "it cannot be cancelled");
        apply(new BookingCancelled(uid, bookingId, command.reason(), emailOf(facts, caller), now));
    }

    @CommandHandler
    void handle(RescheduleBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        boolean hostSide = hostSide(caller, facts);
        if (!hostSide && !booker(caller)) {
            throw new AccessDenied("A booking is rescheduled by its host or by whom booked it");
        }
        requireTakingPlace();
        if (seated) {
            throw new DomainRuleViolation("Booking " + uid + " has seats: a seat is given back and another booked");
        }
        EventTypeSnapshot eventType = requireBookable(facts, eventTypeId == null ? -1 : eventTypeId);
        Instant now = clock.instant();
        if (!start.isAfter(now) && !Boolean.TRUE.equals(eventType.settings().allowReschedulingPastBookings())) {
            throw new DomainRuleViolation("Booking " + uid + " has started; it cannot be rescheduled");
        }
        if (!hostSide && Boolean.TRUE.equals(eventType.settings().disableRescheduling())) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " does not let bookers reschedule");
        }
        requireDuration(eventType, command.start(), command.end());
        List<Integer> hosts = chooseHosts(eventType, facts, command.start(), now, userId);
        Person organizer = person(facts, hosts.get(0));
        String rescheduledBy = emailOf(facts, caller);
        Iterator<Integer> ids = Objects.requireNonNullElse(command.newAttendeeIds(), List.<Integer>of()).iterator();
        List<BookingAttendee> moved = new ArrayList<>();
        BookingAttendee booker = null;
        for (BookingAttendee attendee : attendees.values()) {
            if (!hostAttendees.contains(attendee.attendeeId())) {
                BookingAttendee copy = new BookingAttendee(nextId(ids), attendee.name(), attendee.email(),
                        attendee.timeZone(), attendee.locale(), attendee.phoneNumber());
                booker = booker == null ? copy : booker;
                moved.add(copy);
            }
        }
        List<Integer> hostIdsLeft = new ArrayList<>();
        ids.forEachRemaining(hostIdsLeft::add);
        moved.addAll(hostsAsAttendees(facts, hosts, hostIdsLeft, booker));
        Map<String, Object> movedResponses = new LinkedHashMap<>(responses);
        if (command.reason() != null) {
            movedResponses.put("rescheduleReason", command.reason());
        }
        BookingStatus movedStatus = Boolean.TRUE.equals(eventType.settings().requiresConfirmation()) && !hostSide
                ? BookingStatus.pending : BookingStatus.accepted;
        BookingRequested replacement = new BookingRequested(command.newBookingId(), command.newUid(), eventType.id(),
                organizer.userId(), hosts, organizer.email(),
                Objects.equals(organizer.userId(), userId) ? title : title(eventType, organizer, booker), description,
                command.start(), command.end(), buffer(eventType.settings().beforeEventBuffer()),
                buffer(eventType.settings().afterEventBuffer()), location, movedStatus, moved, movedResponses,
                Map.of(), metadata, movedResponses.get("smsReminderNumber") instanceof String sms ? sms : null, iCalUID,
                iCalSequence + 1,
                CalcomIdempotencyKey.of(command.start(), command.end(), organizer.userId()), uid, rescheduledBy,
                null, null, CreationSource.api_v2, bookedBy, snapshot(eventType, organizer), now);
        apply(new BookingRescheduled(uid, bookingId, command.newUid(), command.reason(), rescheduledBy, now));
        try {
            createNew(Booking.class, () -> new Booking(replacement));
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    @CommandHandler
    void handle(MarkBookingAbsence command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        boolean hostSide = hostSide(caller, facts);
        Map<String, Boolean> absent = Objects.requireNonNullElse(command.attendees(), Map.of());
        if (!hostSide && (!booker(caller) || !absent.isEmpty())) {
            throw new AccessDenied(booker(caller) ? "Attendees are marked absent by the host"
                    : "Absence is marked by the host, or the host's by whom booked");
        }
        if (status != BookingStatus.accepted) {
            throw new DomainConflict("Booking " + uid + " is " + status + "; only an accepted booking has no-shows");
        }
        Instant now = clock.instant();
        if (start.isAfter(now)) {
            throw new DomainRuleViolation("Booking " + uid + " has not started; no one can have missed it yet");
        }
        if (command.host() == null && absent.isEmpty()) {
            throw new DomainRuleViolation("Say who did not come: the host, attendees, or both");
        }
        List<AttendeeAbsence> absences = new ArrayList<>();
        absent.forEach((email, noShow) -> {
            BookingAttendee attendee = attendees.values().stream()
                    .filter(a -> a.email().equalsIgnoreCase(email) && !hostAttendees.contains(a.attendeeId()))
                    .findFirst().orElseThrow(() -> new DomainRuleViolation(email + " is no attendee of booking " + uid));
            absences.add(new AttendeeAbsence(attendee.attendeeId(), attendee.email(), Boolean.TRUE.equals(noShow)));
        });
        apply(new BookingAbsenceMarked(uid, bookingId, command.host(), absences, now));
    }

    @CommandHandler
    void handle(AddBookingInternalNote command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "keeps notes on");
        if (command.text() == null || command.text().isBlank()) {
            throw new DomainRuleViolation("A note has text");
        }
        apply(new BookingInternalNoteAdded(uid, bookingId, command.noteId(), command.text(), caller.userId(),
                clock.instant()));
    }

    @CommandHandler
    void handle(AddBookingReference command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "links");
        if (command.type() == null || command.type().isBlank() || command.referenceUid() == null
                || command.referenceUid().isBlank()) {
            throw new DomainRuleViolation("A reference has a type (such as google_calendar or daily_video) and a uid");
        }
        apply(new BookingReferenceAdded(uid, bookingId, command.referenceId(), command.type(), command.referenceUid(),
                command.meetingId(), command.meetingPassword(), command.meetingUrl(), command.externalCalendarId(),
                command.credentialId(), command.thirdPartyRecurringEventId(), clock.instant()));
    }

    @CommandHandler
    void handle(RemoveBookingReference command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "unlinks");
        if (!references.contains(command.referenceId())) {
            throw new NotFound("Booking " + uid + " has no reference " + command.referenceId());
        }
        apply(new BookingReferenceRemoved(uid, bookingId, command.referenceId(), clock.instant()));
    }

    @CommandHandler
    void handle(RateBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        if (!booker(caller) && (caller == null || !caller.systemAdmin())) {
            throw new AccessDenied("A booking is rated by whom booked it");
        }
        if (command.rating() < 1 || command.rating() > 5) {
            throw new DomainRuleViolation("A rating is 1 to 5");
        }
        if (status != BookingStatus.accepted) {
            throw new DomainConflict("Booking " + uid + " is " + status + "; only an accepted booking is rated");
        }
        Instant now = clock.instant();
        if (start.isAfter(now)) {
            throw new DomainRuleViolation("Booking " + uid + " has not started; it is rated afterwards");
        }
        apply(new BookingRated(uid, bookingId, command.rating(), command.feedback(), now));
    }

    // --- rules -------------------------------------------------------------------------------

    private static EventTypeSnapshot requireBookable(BookingFacts facts, int eventTypeId) {
        EventTypeSnapshot eventType = facts == null ? null : facts.eventType();
        if (eventType == null) {
            throw new NotFound("No event type " + eventTypeId);
        }
        if (eventType.userId() == null && eventType.schedulingType() == null) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " has neither owner nor scheduling type");
        }
        if (eventType.schedulingType() == SchedulingType.managed) {
            throw new DomainRuleViolation("Event type " + eventType.id()
                    + " is managed: its members' own event types are booked");
        }
        List<Integer> hosts = BookingLookups.hostsOf(eventType).stream().map(Host::userId).toList();
        if (hosts.isEmpty()) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " has no hosts");
        }
        for (Integer host : hosts) {
            Person person = facts.people().get(host);
            if (eventType.userId() != null && (person == null || person.locked())) {
                throw new DomainRuleViolation("The owner of event type " + eventType.id() + " takes no bookings");
            }
        }
        return eventType;
    }

    private static int requireDuration(EventTypeSnapshot eventType, Instant start, Instant end) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new DomainRuleViolation("A booking starts before it ends");
        }
        long minutes = Duration.between(start, end).toMinutes();
        List<Integer> allowed = new ArrayList<>(BookingLookups.durations(eventType.settings()));
        allowed.add(eventType.settings().length());
        Duration length = Duration.between(start, end);
        if (length.toSeconds() % 60 != 0 || !allowed.contains((int) minutes)) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " lasts " + allowed.stream().distinct()
                    .sorted().map(String::valueOf).reduce((a, b) -> a + " or " + b).orElse("?") + " minutes, not "
                    + (length.toSeconds() % 60 == 0 ? minutes + " minutes" : length.toSeconds() + " seconds"));
        }
        return (int) minutes;
    }

    /**
     * The hosts the booking keeps busy, the organizer first: the owner; every host of a collective
     * event; the fixed hosts plus one round-robin host (as cal.com, the first fixed host organizes,
     * else the round-robin host). A reschedule keeps its round-robin host when they are free.
     */
    private static List<Integer> chooseHosts(EventTypeSnapshot eventType, BookingFacts facts, Instant start,
                                             Instant now, Integer keep) {
        var availability = facts.availability();
        if (availability == null) {
            throw new DomainRuleViolation("A booking starts before it ends");
        }
        switch (availability.verdict()) {
            case TOO_SOON -> throw new DomainRuleViolation(start.isAfter(now)
                    ? start + " is sooner than the " + eventType.settings().minimumBookingNotice()
                    + " minutes' notice event type " + eventType.id() + " needs"
                    : "A booking cannot start in the past (" + start + ")");
            case OUTSIDE_PERIOD -> throw new DomainRuleViolation(start + " is outside the period in which event type "
                    + eventType.id() + " can be booked");
            case NOT_OFFERED -> throw new DomainRuleViolation(start + " is not an available slot of event type "
                    + eventType.id());
            case TAKEN -> throw new DomainConflict(start + " is no longer available for event type " + eventType.id());
            case FREE -> {
                // decided below
            }
        }
        List<Host> hosts = BookingLookups.hostsOf(eventType);
        if (eventType.schedulingType() != SchedulingType.roundRobin) {
            return hosts.stream().map(Host::userId).toList();
        }
        List<Integer> chosen = new ArrayList<>();
        List<Host> candidates = new ArrayList<>();
        for (var host : hosts) {
            if (!host.isFixed() && availability.freeHosts().contains(host.userId())) {
                candidates.add(host);
            }
        }
        Host next = candidates.stream().filter(h -> keep != null && h.userId() == keep).findFirst()
                .orElseGet(() -> candidates.stream().min(RoundRobin.order(facts.load())).orElse(null));
        hosts.stream().filter(Host::isFixed).map(Host::userId).forEach(chosen::add);
        if (next != null) {
            chosen.add(next.userId());
        }
        return chosen;
    }

    /** cal.com lists a team event's other hosts among its attendees. */
    private static List<BookingAttendee> hostsAsAttendees(BookingFacts facts, List<Integer> hosts, List<Integer> ids,
                                                          BookingAttendee booker) {
        List<BookingAttendee> attendees = new ArrayList<>();
        Iterator<Integer> next = Objects.requireNonNullElse(ids, List.<Integer>of()).iterator();
        for (Integer host : hosts.subList(1, hosts.size())) {
            Person person = person(facts, host);
            attendees.add(new BookingAttendee(nextId(next), Objects.requireNonNullElse(person.name(), ""),
                    person.email(), Objects.requireNonNullElse(person.timeZone(),
                    booker == null ? "UTC" : booker.timeZone()), booker == null ? "en" : booker.locale(), null));
        }
        return attendees;
    }

    private static int nextId(Iterator<Integer> ids) {
        if (!ids.hasNext()) {
            throw new IllegalArgumentException("Too few attendee ids were given for the booking's attendees");
        }
        return ids.next();
    }

    private static Person person(BookingFacts facts, int userId) {
        Person person = facts.people().get(userId);
        if (person == null) {
            throw new NotFound("No user " + userId);
        }
        return person;
    }

    private static String title(EventTypeSnapshot eventType, Person organizer, BookingAttendee booker) {
        String organizerName = organizer.name() != null && !organizer.name().isBlank() ? organizer.name()
                : Objects.requireNonNullElse(organizer.username(), organizer.email());
        String bookerName = booker == null ? "" : booker.name();
        String template = eventType.settings().eventName();
        if (template == null || template.isBlank()) {
            return eventType.settings().title() + " between " + organizerName + " and " + bookerName;
        }
        return template.replace("{Event type title}", eventType.settings().title())
                .replace("{Organiser}", organizerName).replace("{Scheduler}", bookerName)
                .replace("{ATTENDEE}", bookerName).replace("{HOST}", organizerName);
    }

    /** A booker's answers as cal.com keeps them in Booking.responses: the standard fields, then the custom ones. */
    private static Map<String, Object> responses(BookingAttendee booker, List<BookingAttendee> guests, String location,
                                                 String notes, Map<String, Object> custom) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("name", booker.name());
        responses.put("email", booker.email());
        if (!guests.isEmpty()) {
            responses.put("guests", guests.stream().map(BookingAttendee::email).toList());
        }
        if (location != null) {
            responses.put("location", Map.of("value", location, "optionValue", ""));
        }
        if (notes != null) {
            responses.put("notes", notes);
        }
        if (booker.phoneNumber() != null) {
            responses.put("attendeePhoneNumber", booker.phoneNumber());
        }
        if (custom != null) {
            responses.putAll(custom);
        }
        return responses;
    }

    /** The first of the event type's locations, as cal.com writes it into Booking.location. */
    private static String defaultLocation(EventTypeSnapshot eventType) {
        var locations = eventType.settings().locations();
        if (locations == null || locations.isEmpty()) {
            return null;
        }
        Map<String, Object> first = locations.get(0);
        for (String key : List.of("address", "link", "hostPhoneNumber")) {
            if (first.get(key) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return first.get("type") instanceof String type ? type : null;
    }

    private static BookingHostSnapshot snapshot(EventTypeSnapshot eventType, Person organizer) {
        return new BookingHostSnapshot(eventType.teamId(), eventType.settings().length(), eventType.parentId(),
                organizer.email(), organizer.name(), organizer.username());
    }

    private static int buffer(Integer minutes) {
        return minutes == null ? 0 : minutes;
    }

    private boolean hostSide(Caller caller, BookingFacts facts) {
        if (caller == null) {
            return false;
        }
        if (caller.systemAdmin() || hostIds.stream().anyMatch(caller::mayActAs)) {
            return true;
        }
        return facts != null && facts.access() != null && facts.access().runsTeam();
    }

    private void requireHostSide(Caller caller, BookingFacts facts, String verb) {
        if (!hostSide(caller, facts)) {
            throw new AccessDenied("Only the host " + verb + " booking " + uid);
        }
    }

    private boolean booker(Caller caller) {
        return caller != null && caller.teamScope() == null && caller.userId() == bookedBy;
    }

    private void requirePending(String what) {
        if (status != BookingStatus.pending) {
            throw new DomainConflict("Booking " + uid + " is " + status + "; only a pending booking is " + what);
        }
    }

    private void requireTakingPlace() {
        if (status != BookingStatus.accepted && status != BookingStatus.pending) {
            throw new DomainConflict("Booking " + uid + " is " + status + " already");
        }
    }

    private void requireNotOver(Instant now, String consequence) {
        if (!end.isAfter(now)) {
            throw new DomainRuleViolation("Booking " + uid + " is over; " + consequence);
        }
    }

    private static String emailOf(BookingFacts facts, Caller caller) {
        Person person = facts == null || caller == null ? null : facts.people().get(caller.userId());
        return person == null ? null : person.email();
    }

    // --- state -------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(BookingRequested event) {
        aggregateId = BookingIds.aggregateId(event.uid());
        uid = event.uid();
        bookingId = event.bookingId();
        eventTypeId = event.eventTypeId();
        userId = event.userId();
        hostIds = List.copyOf(event.hostIds());
        bookedBy = event.bookedBy();
        status = event.status();
        start = event.startTime();
        end = event.endTime();
        title = event.title();
        description = event.description();
        location = event.location();
        responses = event.responses() == null ? Map.of() : event.responses();
        metadata = event.metadata() == null ? Map.of() : event.metadata();
        iCalUID = event.iCalUID();
        iCalSequence = event.iCalSequence();
        for (BookingAttendee attendee : event.attendees()) {
            attendees.put(attendee.attendeeId(), attendee);
        }
        int skip = event.attendees().size() - Math.max(0, event.hostIds().size() - 1);
        for (BookingAttendee attendee : event.attendees().subList(Math.max(0, skip), event.attendees().size())) {
            hostAttendees.add(attendee.attendeeId());
        }
        seated = event.seat() != null;
        if (event.seat() != null) {
            addSeat(event.seat(), event.bookedBy());
        }
    }

    @EventSourcingHandler
    void on(BookingSeatBooked event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer by) {
        addSeat(event.seat(), by);
    }

    private void addSeat(BookingSeatData seat, Integer by) {
        attendees.put(seat.attendee().attendeeId(), seat.attendee());
        seats.put(seat.referenceUid(), new Seat(seat.seatId(), seat.attendee().attendeeId(), seat.attendee().email(), by));
    }

    @EventSourcingHandler
    void on(BookingSeatCancelled event) {
        seats.remove(event.referenceUid());
        attendees.remove(event.attendeeId());
    }

    @EventSourcingHandler
    void on(BookingConfirmed event) {
        status = BookingStatus.accepted;
    }

    @EventSourcingHandler
    void on(BookingDeclined event) {
        status = BookingStatus.rejected;
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        status = BookingStatus.cancelled;
    }

    @EventSourcingHandler
    void on(BookingRescheduled event) {
        status = BookingStatus.cancelled;
    }

    @EventSourcingHandler
    void on(BookingReferenceAdded event) {
        references.add(event.referenceId());
    }

    @EventSourcingHandler
    void on(BookingReferenceRemoved event) {
        references.remove(event.referenceId());
    }

    @EventSourcingHandler
    void on(BookingInternalNoteAdded event) {
        notes.add(event.noteId());
    }
}
