package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.RequestBooking;
import com.calcomalt.contracts.scheduling.RescheduleBooking;
import com.calcomalt.contracts.scheduling.TargetsBooking;
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
import org.springframework.stereotype.Component;

/**
 * Adds to a booking command, inside its transaction, the {@link BookingFacts} its aggregate decides
 * with: for a new start (a request or a reschedule) the scheduling rules' verdict on it, read from
 * the command side's own lookups; for every other command the caller's standing in the team.
 */
@Component
class BookingCommandFacts extends CommandFacts {

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
        resolve(RequestBooking.class, (c, facts) -> facts.put(FACTS, forStart(c.eventTypeId(), c.start(), c.end(),
                facts.caller(), c.reservationUid(), null, calendarBusy(facts))));
        resolve(TargetsBooking.class, (c, facts) -> {
            if (c.uid() != null) {
                facts.put(FACTS, forBooking(c, facts));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, List<Interval>> calendarBusy(Facts facts) {
        return facts.sentWith().get(CALENDAR_BUSY) instanceof Map<?, ?> busy
                ? (Map<Integer, List<Interval>>) busy : Map.of();
    }

    private BookingFacts forBooking(TargetsBooking command, Facts facts) {
        Caller caller = facts.caller();
        String uid = command.uid();
        Optional<BookingLookups.BookingRecord> booking = lookups.booking(uid);
        if (booking.isEmpty() || booking.get().eventTypeId() == null) {
            return new BookingFacts(null, caller == null ? Map.of() : lookups.people(Set.of(caller.userId())), null,
                    Map.of(), null);
        }
        if (command instanceof RescheduleBooking c) {
            return forStart(booking.get().eventTypeId(), c.start(), c.end(), caller, null, uid, calendarBusy(facts));
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
}
