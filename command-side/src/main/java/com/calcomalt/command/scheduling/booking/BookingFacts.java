package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.rules.scheduling.SlotCalculator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a booking command needs to know beyond the booking, gathered by {@link BookingCommandFacts}
 * in the command's transaction: the event type as it is now, the people involved, whether the
 * asked start is free and for whom, and how busy each round-robin host has been.
 *
 * @param eventType    null when the event type does not exist (any more)
 * @param availability for a new start only: the verdict of the scheduling rules
 * @param access       the caller's standing in the event type's team, for a team event type
 */
record BookingFacts(EventTypeSnapshot eventType, Map<Integer, Person> people, SlotCalculator.Check availability,
                    Map<Integer, HostLoad> load, TeamAccess access) {

    /** An event type's owner, team, settings and hosts, from the command side's lookup. */
    record EventTypeSnapshot(int id, Integer userId, Integer teamId, Integer parentId, SchedulingType schedulingType,
                             EventTypeSettings settings, List<Host> hosts) {
    }

    /** A user as a booking names them. */
    record Person(int userId, String email, String name, String username, String timeZone, boolean locked) {
    }

    /**
     * How many accepted or pending bookings of this event type a host has, and when they were last
     * booked: round robin gives the next booking to whom it is most owed.
     */
    record HostLoad(int bookings, Instant lastBookedAt) {
    }
}
