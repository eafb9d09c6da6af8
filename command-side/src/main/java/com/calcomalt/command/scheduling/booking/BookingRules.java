package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.HostLoad;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.RescheduleBooking;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.rules.scheduling.BookingState;
import com.calcomalt.rules.scheduling.EventTypePayment;
import com.calcomalt.rules.scheduling.SlotCalculator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules of a booking that need no booking: what it is titled, answers, who hosts it, how long it lasts. */
final class BookingRules {

    private BookingRules() {
    }

    /** What a booking of the event type must pay, empty when it is free; the event type checked it when it was set. */
    static Optional<EventTypePayment> payment(EventTypeSnapshot eventType) {
        return EventTypePayment.required(eventType.settings().metadata());
    }

    /** An event type that can be booked: it exists, has an owner or a team's hosts, and its owner takes bookings. */
    static EventTypeSnapshot requireBookable(BookingFacts facts, int eventTypeId) {
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
        List<Host> hosts = eventType.bookedHosts();
        if (hosts.isEmpty()) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " has no hosts");
        }
        for (Host host : hosts) {
            Person person = facts.people().get(host.userId());
            if (eventType.userId() != null && (person == null || person.locked())) {
                throw new DomainRuleViolation("The owner of event type " + eventType.id() + " takes no bookings");
            }
        }
        return eventType;
    }

    /** A booking lasts one of the lengths its event type offers, in whole minutes. */
    static int requireDuration(EventTypeSnapshot eventType, Instant start, Instant end) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new DomainRuleViolation("A booking starts before it ends");
        }
        Duration length = Duration.between(start, end);
        long minutes = length.toMinutes();
        List<Integer> allowed = eventType.lengths();
        if (length.toSeconds() % 60 != 0 || !allowed.contains((int) minutes)) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " lasts "
                    + allowed.stream().map(String::valueOf).collect(Collectors.joining(" or ")) + " minutes, not "
                    + (length.toSeconds() % 60 == 0 ? minutes + " minutes" : length.toSeconds() + " seconds"));
        }
        return (int) minutes;
    }

    /** The scheduling rules' verdict on a start, as the booker is told it. */
    static void requireFree(EventTypeSnapshot eventType, SlotCalculator.Check availability, Instant start,
                            Instant now) {
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
                // the start can be booked
            }
        }
    }

    /**
     * The hosts the booking keeps busy, the organizer first: the owner; every host of a collective
     * event; the fixed hosts plus one round-robin host (as cal.com, the first fixed host organizes,
     * else the round-robin host). A reschedule keeps its round-robin host ({@code keep}) when they are free.
     */
    static List<Integer> chooseHosts(EventTypeSnapshot eventType, Collection<Integer> freeHosts,
                                     Map<Integer, HostLoad> load, Integer keep) {
        List<Host> hosts = eventType.bookedHosts();
        if (eventType.schedulingType() != SchedulingType.roundRobin) {
            return hosts.stream().map(Host::userId).toList();
        }
        List<Host> candidates = hosts.stream().filter(h -> !h.isFixed() && freeHosts.contains(h.userId())).toList();
        Host next = candidates.stream().filter(h -> keep != null && h.userId() == keep).findFirst()
                .orElseGet(() -> candidates.stream().min(RoundRobin.order(load)).orElse(null));
        List<Integer> chosen = new ArrayList<>();
        hosts.stream().filter(Host::isFixed).map(Host::userId).forEach(chosen::add);
        if (next != null) {
            chosen.add(next.userId());
        }
        return chosen;
    }

    /** cal.com lists a team event's hosts after the organizer among its attendees, in the booker's language. */
    static List<BookingAttendee> hostsAsAttendees(Map<Integer, Person> people, List<Integer> hosts, List<Integer> ids,
                                                  BookingAttendee booker) {
        List<BookingAttendee> attendees = new ArrayList<>();
        Iterator<Integer> next = Objects.requireNonNullElse(ids, List.<Integer>of()).iterator();
        for (Integer host : hosts.subList(1, hosts.size())) {
            Person person = person(people, host);
            attendees.add(new BookingAttendee(nextId(next), Objects.requireNonNullElse(person.name(), ""),
                    person.email(), Objects.requireNonNullElse(person.timeZone(),
                    booker == null ? "UTC" : booker.timeZone()), booker == null ? "en" : booker.locale(), null));
        }
        return attendees;
    }

    /** The people a reschedule moves to the new booking (all but the hosts), under the new booking's attendee ids. */
    static List<BookingAttendee> movedAttendees(Collection<BookingAttendee> attendees, Set<Integer> hostAttendees,
                                                Iterator<Integer> ids) {
        List<BookingAttendee> moved = new ArrayList<>();
        for (BookingAttendee attendee : attendees) {
            if (!hostAttendees.contains(attendee.attendeeId())) {
                moved.add(new BookingAttendee(nextId(ids), attendee.name(), attendee.email(), attendee.timeZone(),
                        attendee.locale(), attendee.phoneNumber()));
            }
        }
        return moved;
    }

    /**
     * The booking a reschedule makes: the same people, answers and calendar event (its next
     * sequence) at the new time, with the booker's reason among the answers; the title is kept
     * unless another host now organizes.
     */
    static BookingRequested replacement(BookingState was, RescheduleBooking command, EventTypeSnapshot eventType,
                                        Map<Integer, Person> people, List<Integer> hosts, BookingStatus status,
                                        String rescheduledBy, Instant now) {
        BookingRequested old = was.requested();
        Person organizer = person(people, hosts.get(0));
        Iterator<Integer> ids = Objects.requireNonNullElse(command.newAttendeeIds(), List.<Integer>of()).iterator();
        List<BookingAttendee> moved = new ArrayList<>(movedAttendees(was.attendees().values(), was.hostAttendeeIds(),
                ids));
        BookingAttendee booker = moved.isEmpty() ? null : moved.get(0);
        List<Integer> hostIdsLeft = new ArrayList<>();
        ids.forEachRemaining(hostIdsLeft::add);
        moved.addAll(hostsAsAttendees(people, hosts, hostIdsLeft, booker));
        Map<String, Object> responses = new LinkedHashMap<>(old.responses() == null ? Map.of() : old.responses());
        if (command.reason() != null) {
            responses.put("rescheduleReason", command.reason());
        }
        return new BookingRequested(command.newBookingId(), command.newUid(), eventType.id(), organizer.userId(),
                hosts, organizer.email(), Objects.equals(organizer.userId(), old.userId()) ? old.title()
                : title(eventType, organizer, booker), old.description(), command.start(), command.end(),
                eventType.beforeEventBuffer(), eventType.afterEventBuffer(), old.location(), status, moved, responses,
                Map.of(), old.metadata() == null ? Map.of() : old.metadata(), smsReminderNumber(responses),
                old.iCalUID(), old.iCalSequence() + 1,
                CalcomIdempotencyKey.of(command.start(), command.end(), organizer.userId()), old.uid(), rescheduledBy,
                null, null, CreationSource.api_v2, old.bookedBy(), hostSnapshot(eventType, organizer), now);
    }

    /** Whether each attendee named by email came; a host or a stranger is no attendee to mark. */
    static List<AttendeeAbsence> absences(BookingState booking, Map<String, Boolean> absent) {
        Set<Integer> hostAttendees = booking.hostAttendeeIds();
        List<AttendeeAbsence> absences = new ArrayList<>();
        absent.forEach((email, noShow) -> {
            BookingAttendee attendee = booking.attendees().values().stream()
                    .filter(a -> a.email().equalsIgnoreCase(email) && !hostAttendees.contains(a.attendeeId()))
                    .findFirst().orElseThrow(() -> new DomainRuleViolation(email + " is no attendee of booking "
                            + booking.requested().uid()));
            absences.add(new AttendeeAbsence(attendee.attendeeId(), attendee.email(), Boolean.TRUE.equals(noShow)));
        });
        return absences;
    }

    static int nextId(Iterator<Integer> ids) {
        if (!ids.hasNext()) {
            throw new IllegalArgumentException("Too few attendee ids were given for the booking's attendees");
        }
        return ids.next();
    }

    static Person person(Map<Integer, Person> people, int userId) {
        Person person = people.get(userId);
        if (person == null) {
            throw new NotFound("No user " + userId);
        }
        return person;
    }

    /**
     * The booking's title: the event type's eventName template with cal.com's variables filled in,
     * or "{title} between {organizer} and {booker}".
     */
    static String title(EventTypeSnapshot eventType, Person organizer, BookingAttendee booker) {
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
    static Map<String, Object> responses(BookingAttendee booker, List<BookingAttendee> guests, String location,
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

    /** The number cal.com's SMS reminders go to, when the booker answered one. */
    static String smsReminderNumber(Map<String, Object> responses) {
        return responses.get("smsReminderNumber") instanceof String number ? number : null;
    }

    /** What BookingDenormalized keeps of the organizer and the event type when the booking is made. */
    static BookingHostSnapshot hostSnapshot(EventTypeSnapshot eventType, Person organizer) {
        return new BookingHostSnapshot(eventType.teamId(), eventType.settings().length(), eventType.parentId(),
                organizer.email(), organizer.name(), organizer.username());
    }

    /** A seated booking takes as many seats as its event type offers now; one it no longer says keeps those it holds. */
    /** Why a seat of a paid event type is refused: a seat pays for itself once Payments are made per seat. */
    static String paidSeats(Integer eventTypeId) {
        return "Event type " + eventTypeId + " is paid and has seats; paid seats are not supported yet";
    }

    static int seatCapacity(EventTypeSnapshot eventType, int held) {
        return eventType == null || !eventType.seated() ? held : eventType.settings().seatsPerTimeSlot();
    }
}
