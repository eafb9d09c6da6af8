package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.AddBookingInternalNote;
import com.calcomalt.contracts.scheduling.AddBookingReference;
import com.calcomalt.contracts.scheduling.BookSeat;
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
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.rules.scheduling.SlotCalculator;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Adds to a booking command, inside its transaction, the {@link BookingFacts} its aggregate decides
 * with: for a new start (a request or a reschedule) the scheduling rules' verdict on it, read from
 * the command side's own lookups; for every other command the caller's standing in the team.
 */
@Component
class BookingCommandFacts implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String FACTS = "bookingFacts";
    /** The hosts' calendar busy times the desk read before sending a new start: per user id, intervals. */
    static final String CALENDAR_BUSY = "calendarBusy";

    private final BookingLookups lookups;
    private final IdentityCommandFacts identity;
    private final Clock clock;

    BookingCommandFacts(BookingLookups lookups, IdentityCommandFacts identity, Clock clock) {
        this.lookups = lookups;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Caller caller = command.getMetaData().get(CallerMetaData.CALLER) instanceof Caller c ? c : null;
        Map<Integer, List<Interval>> calendarBusy = command.getMetaData().get(CALENDAR_BUSY) instanceof Map<?, ?> busy
                ? cast(busy) : Map.of();
        BookingFacts facts = factsFor(command.getPayload(), caller, calendarBusy);
        if (facts != null) {
            unitOfWork.transformMessage(message -> message.andMetaData(MetaData.with(FACTS, facts)));
        }
        return chain.proceed();
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, List<Interval>> cast(Map<?, ?> busy) {
        return (Map<Integer, List<Interval>>) busy;
    }

    private BookingFacts factsFor(Object command, Caller caller, Map<Integer, List<Interval>> calendarBusy) {
        if (command instanceof RequestBooking c) {
            return forStart(c.eventTypeId(), c.start(), c.end(), caller, c.reservationUid(), null, calendarBusy);
        }
        String uid = bookingUidOf(command);
        if (uid == null) {
            return null;
        }
        Optional<BookingLookups.BookingRecord> booking = lookups.booking(uid);
        if (booking.isEmpty() || booking.get().eventTypeId() == null) {
            return new BookingFacts(null, caller == null ? Map.of() : lookups.people(Set.of(caller.userId())), null,
                    Map.of(), null);
        }
        if (command instanceof RescheduleBooking c) {
            return forStart(booking.get().eventTypeId(), c.start(), c.end(), caller, null, uid, calendarBusy);
        }
        Optional<EventTypeSnapshot> eventType = lookups.eventType(booking.get().eventTypeId());
        return new BookingFacts(eventType.orElse(null), caller == null ? Map.of() : lookups.people(Set.of(caller.userId())),
                null, Map.of(), eventType.map(e -> access(caller, e)).orElse(null));
    }

    private BookingFacts forStart(int eventTypeId, Instant start, Instant end, Caller caller, String reservationUid,
                                  String movedBooking, Map<Integer, List<Interval>> calendarBusy) {
        Optional<EventTypeSnapshot> found = lookups.eventType(eventTypeId);
        if (found.isEmpty()) {
            return new BookingFacts(null, Map.of(), null, Map.of(), null);
        }
        EventTypeSnapshot eventType = found.get();
        Set<Integer> userIds = new HashSet<>();
        BookingLookups.hostsOf(eventType).stream().map(Host::userId).forEach(userIds::add);
        if (caller != null) {
            userIds.add(caller.userId());
        }
        Map<Integer, Person> people = lookups.people(userIds);
        SlotCalculator.Check availability = null;
        if (start != null && end != null && start.isBefore(end)) {
            int minutes = (int) Duration.between(start, end).toMinutes();
            availability = SlotCalculator.check(lookups.slotInputs(eventType, people, start, end, clock.instant(),
                    caller == null ? -1 : caller.userId(), reservationUid, movedBooking)
                    .withCalendarBusy(calendarBusy), start, minutes);
        }
        return new BookingFacts(eventType, people, availability, lookups.load(eventTypeId), access(caller, eventType));
    }

    private TeamAccess access(Caller caller, EventTypeSnapshot eventType) {
        return caller == null || eventType.teamId() == null ? null
                : identity.access(caller, eventType.teamId()).orElse(null);
    }

    private static String bookingUidOf(Object command) {
        if (command instanceof RescheduleBooking c) {
            return c.uid();
        } else if (command instanceof ConfirmBooking c) {
            return c.uid();
        } else if (command instanceof DeclineBooking c) {
            return c.uid();
        } else if (command instanceof CancelBooking c) {
            return c.uid();
        } else if (command instanceof BookSeat c) {
            return c.uid();
        } else if (command instanceof CancelSeat c) {
            return c.uid();
        } else if (command instanceof MarkBookingAbsence c) {
            return c.uid();
        } else if (command instanceof AddBookingInternalNote c) {
            return c.uid();
        } else if (command instanceof AddBookingReference c) {
            return c.uid();
        } else if (command instanceof RemoveBookingReference c) {
            return c.uid();
        } else if (command instanceof RateBooking c) {
            return c.uid();
        }
        return null;
    }
}
