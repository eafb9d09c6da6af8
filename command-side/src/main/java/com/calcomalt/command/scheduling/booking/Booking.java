package com.calcomalt.command.scheduling.booking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.AddBookingInternalNote;
import com.calcomalt.contracts.scheduling.AddBookingReference;
import com.calcomalt.contracts.scheduling.BookSeat;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingPaymentCarried;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
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
import com.calcomalt.contracts.scheduling.MarkBookingAbsence;
import com.calcomalt.contracts.scheduling.MarkBookingPaid;
import com.calcomalt.contracts.scheduling.RateBooking;
import com.calcomalt.contracts.scheduling.RemoveBookingReference;
import com.calcomalt.contracts.scheduling.RequestBooking;
import com.calcomalt.contracts.scheduling.RescheduleBooking;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.rules.scheduling.BookingState;
import com.calcomalt.rules.scheduling.EventTypePayment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * {@link BookingRegistry}'s exclusion constraint in the transaction of the events. What it is now is
 * its events folded by {@link BookingState}; the rules that need no booking are {@link BookingRules}.
 */
@Aggregate
public class Booking {

    @AggregateIdentifier
    private String aggregateId;
    private BookingState state = BookingState.NONE;
    /** Who booked each seat, from the metadata of the seat's event: a seat is given back by whom took it. */
    private final Map<String, Integer> seatBookers = new HashMap<>();

    protected Booking() {
        // for Axon
    }

    @CommandHandler
    Booking(RequestBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
            @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        if (caller == null) {
            throw new AccessDenied("Bookings are made by a known caller");
        }
        EventTypeSnapshot eventType = BookingRules.requireBookable(facts, command.eventTypeId());
        BookingRules.requireDuration(eventType, command.start(), command.end());
        List<BookingAttendee> guests = Objects.requireNonNullElse(command.guests(), List.of());
        if (eventType.seated() != (command.seat() != null)) {
            throw new DomainRuleViolation(eventType.seated() ? "Event type " + eventType.id() + " is booked by the seat"
                    : "Event type " + eventType.id() + " has no seats");
        }
        if (!guests.isEmpty() && (eventType.seated() || Boolean.TRUE.equals(eventType.settings().disableGuests()))) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " takes no guests");
        }
        Instant now = clock.instant();
        List<Integer> hosts = hostsFor(eventType, facts, command.start(), now, null);
        Person organizer = BookingRules.person(facts.people(), hosts.get(0));
        // cal.com confirms at once only a booking with nothing to pay and no host to confirm it.
        EventTypePayment payment = BookingRules.payment(eventType).orElse(null);
        if (payment != null && eventType.seated()) {
            throw new DomainRuleViolation(BookingRules.paidSeats(eventType.id()));
        }
        BookingStatus status = eventType.requiresConfirmation() || payment != null ? BookingStatus.pending
                : BookingStatus.accepted;
        BookingAttendee booker = command.seat() != null ? command.seat().attendee() : command.attendee();
        List<BookingAttendee> attendees = new ArrayList<>();
        if (command.seat() == null) {
            attendees.add(command.attendee());
            attendees.addAll(guests);
        }
        attendees.addAll(BookingRules.hostsAsAttendees(facts.people(), hosts, command.hostAttendeeIds(), booker));
        String location = command.location() != null ? command.location() : eventType.defaultLocation();
        Map<String, Object> responses = BookingRules.responses(booker, guests, location, command.description(),
                command.responses());
        apply(new BookingRequested(command.bookingId(), command.uid(), eventType.id(), organizer.userId(), hosts,
                organizer.email(), BookingRules.title(eventType, organizer, booker), command.description(),
                command.start(), command.end(), eventType.beforeEventBuffer(), eventType.afterEventBuffer(), location,
                status, attendees, responses, Map.of(), Objects.requireNonNullElse(command.metadata(), Map.of()),
                BookingRules.smsReminderNumber(responses), command.uid() + "@Cal.com", 0,
                CalcomIdempotencyKey.of(command.start(), command.end(), organizer.userId()), null, null,
                command.seat(), command.tracking(), CreationSource.api_v2, caller.userId(),
                BookingRules.hostSnapshot(eventType, organizer), now));
        if (payment != null) {
            apply(new BookingPaymentRequired(command.uid(), command.bookingId(), payment.appId(), payment.price(),
                    payment.currency(), payment.paymentOption(), payment.refundPolicy(), payment.refundDaysCount(),
                    now));
        }
    }

    /** The booking a reschedule makes: the same people and answers at a new time, in the same calendar event. */
    private Booking(BookingRequested moved, String paidByUid) {
        apply(moved);
        if (paidByUid != null) {
            apply(new BookingPaymentCarried(moved.uid(), moved.bookingId(), paidByUid, moved.createdAt()));
        }
    }

    @CommandHandler
    void handle(BookSeat command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        if (caller == null) {
            throw new AccessDenied("Seats are booked by a known caller");
        }
        requireTakingPlace();
        Instant now = clock.instant();
        if (!made().startTime().isAfter(now)) {
            throw new DomainRuleViolation("Booking " + uid() + " has started; its seats are closed");
        }
        int capacity = BookingRules.seatCapacity(facts == null ? null : facts.eventType(), state.seats().size());
        if (!state.seated()) {
            throw new DomainRuleViolation("Booking " + uid() + " has no seats");
        }
        String email = command.seat().attendee().email();
        if (state.seats().values().stream().anyMatch(s -> s.attendee().email().equalsIgnoreCase(email))) {
            throw new DomainConflict(email + " has a seat at booking " + uid() + " already");
        }
        // A seat of a paid booking would be taken for free: only the booking's first seat is charged.
        if (state.payment() != null || (facts != null && facts.eventType() != null
                && BookingRules.payment(facts.eventType()).isPresent())) {
            throw new DomainRuleViolation(BookingRules.paidSeats(made().eventTypeId()));
        }
        if (state.seats().size() >= capacity) {
            throw new DomainConflict("All " + capacity + " seats of booking " + uid() + " are taken");
        }
        apply(new BookingSeatBooked(uid(), bookingId(), command.seat(), now));
    }

    @CommandHandler
    void handle(CancelSeat command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        BookingSeatData seat = state.seats().get(command.seatReferenceUid());
        if (seat == null) {
            throw new NotFound("Booking " + uid() + " has no seat " + command.seatReferenceUid());
        }
        Integer bookedBy = seatBookers.get(command.seatReferenceUid());
        boolean seatHolder = caller != null && bookedBy != null && caller.teamScope() == null
                && caller.userId() == bookedBy;
        if (!seatHolder && !hostSide(caller, facts)) {
            throw new AccessDenied("A seat is given back by whom booked it or by the host");
        }
        requireTakingPlace();
        Instant now = clock.instant();
        requireNotOver(now, "its seats cannot be given back");
        apply(new BookingSeatCancelled(uid(), bookingId(), seat.seatId(), command.seatReferenceUid(),
                seat.attendee().attendeeId(), now));
        if (state.seats().isEmpty()) {
            apply(new BookingCancelled(uid(), bookingId(), command.reason(), emailOf(facts, caller), now));
        }
    }

    @CommandHandler
    void handle(ConfirmBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "confirms");
        requirePending("confirmed");
        if (state.awaitingPayment()) {
            throw new DomainConflict("Booking " + uid() + " waits for its payment; it is confirmed once paid");
        }
        Instant now = clock.instant();
        requireNotOver(now, "it cannot be confirmed");
        apply(new BookingConfirmed(uid(), bookingId(), caller.userId(), now));
    }

    /** Paid: accepted, unless the event type also wants the host's confirmation; paid twice is paid. */
    @CommandHandler
    void handle(MarkBookingPaid command, @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        if (state.payment() == null) {
            throw new DomainRuleViolation("Booking " + uid() + " has nothing to pay");
        }
        if (state.lifecycle().paid()) {
            return;
        }
        requireTakingPlace();
        boolean hostConfirms = facts != null && facts.eventType() != null && facts.eventType().requiresConfirmation();
        apply(new BookingPaid(uid(), bookingId(), command.paymentUid(),
                hostConfirms ? BookingStatus.pending : BookingStatus.accepted, clock.instant()));
    }

    @CommandHandler
    void handle(DeclineBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "declines");
        requirePending("declined");
        apply(new BookingDeclined(uid(), bookingId(), command.reason(), caller.userId(), clock.instant()));
    }

    @CommandHandler
    void handle(CancelBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        if (!hostSide(caller, facts) && !(booker(caller) && !state.seated())) {
            throw new AccessDenied(state.seated()
                    ? "A seated booking is cancelled by its host; a booker gives back a seat"
                    : "A booking is cancelled by its host or by whom booked it");
        }
        requireTakingPlace();
        if (!hostSide(caller, facts) && facts != null && facts.eventType() != null
                && Boolean.TRUE.equals(facts.eventType().settings().disableCancelling())) {
            throw new DomainRuleViolation("Event type " + made().eventTypeId() + " does not let bookers cancel");
        }
        Instant now = clock.instant();
        requireNotOver(now, "it cannot be cancelled");
        apply(new BookingCancelled(uid(), bookingId(), command.reason(), emailOf(facts, caller), now));
    }

    @CommandHandler
    void handle(RescheduleBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        boolean hostSide = hostSide(caller, facts);
        if (!hostSide && !booker(caller)) {
            throw new AccessDenied("A booking is rescheduled by its host or by whom booked it");
        }
        requireTakingPlace();
        if (state.seated()) {
            throw new DomainRuleViolation("Booking " + uid() + " has seats: a seat is given back and another booked");
        }
        // Its replacement would be accepted unpaid: the payment stays with this booking, which pays first.
        // A paid one hands its payment on to the replacement, as cal.com does.
        if (state.awaitingPayment()) {
            throw new DomainConflict("Booking " + uid() + " waits for its payment; it is rescheduled once paid");
        }
        BookingRequested was = made();
        EventTypeSnapshot eventType = BookingRules.requireBookable(facts,
                was.eventTypeId() == null ? -1 : was.eventTypeId());
        Instant now = clock.instant();
        if (!was.startTime().isAfter(now) && !Boolean.TRUE.equals(eventType.settings().allowReschedulingPastBookings())) {
            throw new DomainRuleViolation("Booking " + uid() + " has started; it cannot be rescheduled");
        }
        if (!hostSide && Boolean.TRUE.equals(eventType.settings().disableRescheduling())) {
            throw new DomainRuleViolation("Event type " + eventType.id() + " does not let bookers reschedule");
        }
        BookingRules.requireDuration(eventType, command.start(), command.end());
        List<Integer> hosts = hostsFor(eventType, facts, command.start(), now, was.userId());
        String rescheduledBy = emailOf(facts, caller);
        BookingRequested replacement = BookingRules.replacement(state, command, eventType, facts.people(), hosts,
                eventType.requiresConfirmation() && !hostSide ? BookingStatus.pending : BookingStatus.accepted,
                rescheduledBy, now);
        apply(new BookingRescheduled(uid(), bookingId(), command.newUid(), command.reason(), rescheduledBy, now));
        try {
            boolean paid = state.lifecycle().paid();
            createNew(Booking.class, () -> new Booking(replacement, paid ? uid() : null));
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
        if (status() != BookingStatus.accepted) {
            throw new DomainConflict("Booking " + uid() + " is " + status()
                    + "; only an accepted booking has no-shows");
        }
        Instant now = clock.instant();
        if (made().startTime().isAfter(now)) {
            throw new DomainRuleViolation("Booking " + uid() + " has not started; no one can have missed it yet");
        }
        if (command.host() == null && absent.isEmpty()) {
            throw new DomainRuleViolation("Say who did not come: the host, attendees, or both");
        }
        apply(new BookingAbsenceMarked(uid(), bookingId(), command.host(), BookingRules.absences(state, absent),
                now));
    }

    @CommandHandler
    void handle(AddBookingInternalNote command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "keeps notes on");
        if (command.text() == null || command.text().isBlank()) {
            throw new DomainRuleViolation("A note has text");
        }
        apply(new BookingInternalNoteAdded(uid(), bookingId(), command.noteId(), command.text(), caller.userId(),
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
        apply(new BookingReferenceAdded(uid(), bookingId(), command.referenceId(), command.type(),
                command.referenceUid(), command.meetingId(), command.meetingPassword(), command.meetingUrl(),
                command.externalCalendarId(), command.credentialId(), command.thirdPartyRecurringEventId(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RemoveBookingReference command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(BookingCommandFacts.FACTS) BookingFacts facts, Clock clock) {
        requireHostSide(caller, facts, "unlinks");
        if (!state.references().contains(command.referenceId())) {
            throw new NotFound("Booking " + uid() + " has no reference " + command.referenceId());
        }
        apply(new BookingReferenceRemoved(uid(), bookingId(), command.referenceId(), clock.instant()));
    }

    @CommandHandler
    void handle(RateBooking command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        if (!booker(caller) && (caller == null || !caller.systemAdmin())) {
            throw new AccessDenied("A booking is rated by whom booked it");
        }
        if (command.rating() < 1 || command.rating() > 5) {
            throw new DomainRuleViolation("A rating is 1 to 5");
        }
        if (status() != BookingStatus.accepted) {
            throw new DomainConflict("Booking " + uid() + " is " + status() + "; only an accepted booking is rated");
        }
        Instant now = clock.instant();
        if (made().startTime().isAfter(now)) {
            throw new DomainRuleViolation("Booking " + uid() + " has not started; it is rated afterwards");
        }
        apply(new BookingRated(uid(), bookingId(), command.rating(), command.feedback(), now));
    }

    // --- checks on this booking --------------------------------------------------------------

    private static List<Integer> hostsFor(EventTypeSnapshot eventType, BookingFacts facts, Instant start, Instant now,
                                          Integer keep) {
        BookingRules.requireFree(eventType, facts.availability(), start, now);
        return BookingRules.chooseHosts(eventType, facts.availability().freeHosts(), facts.load(), keep);
    }

    private boolean hostSide(Caller caller, BookingFacts facts) {
        if (caller == null) {
            return false;
        }
        if (caller.systemAdmin() || made().hostIds().stream().anyMatch(caller::mayActAs)) {
            return true;
        }
        return facts != null && facts.access() != null && facts.access().runsTeam();
    }

    private void requireHostSide(Caller caller, BookingFacts facts, String verb) {
        if (!hostSide(caller, facts)) {
            throw new AccessDenied("Only the host " + verb + " booking " + uid());
        }
    }

    private boolean booker(Caller caller) {
        return caller != null && caller.teamScope() == null && caller.userId() == made().bookedBy();
    }

    private void requirePending(String what) {
        if (status() != BookingStatus.pending) {
            throw new DomainConflict("Booking " + uid() + " is " + status() + "; only a pending booking is " + what);
        }
    }

    private void requireTakingPlace() {
        if (!state.lifecycle().takingPlace()) {
            throw new DomainConflict("Booking " + uid() + " is " + status() + " already");
        }
    }

    private void requireNotOver(Instant now, String consequence) {
        if (!made().endTime().isAfter(now)) {
            throw new DomainRuleViolation("Booking " + uid() + " is over; " + consequence);
        }
    }

    private static String emailOf(BookingFacts facts, Caller caller) {
        Person person = facts == null || caller == null ? null : facts.people().get(caller.userId());
        return person == null ? null : person.email();
    }

    private BookingRequested made() {
        return state.requested();
    }

    private String uid() {
        return made().uid();
    }

    private int bookingId() {
        return made().bookingId();
    }

    private BookingStatus status() {
        return state.status();
    }

    // --- state -------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(BookingChange event) {
        state = state.apply(event);
        if (event instanceof BookingRequested requested) {
            aggregateId = BookingIds.aggregateId(requested.uid());
            if (requested.seat() != null) {
                seatBookers.put(requested.seat().referenceUid(), requested.bookedBy());
            }
        }
    }

    @EventSourcingHandler
    void on(BookingSeatBooked event, @MetaDataValue(CallerMetaData.CALLER_USER_ID) Integer by) {
        state = state.apply(event);
        seatBookers.put(event.seat().referenceUid(), by);
    }
}
