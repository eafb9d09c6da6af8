package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.rules.scheduling.SlotCalculator;
import java.time.Instant;
import java.util.ArrayList;
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

        /** Whom its bookings are with: a user's event type is hosted by its owner alone; a team's by its hosts. */
        List<Host> bookedHosts() {
            return userId != null ? List.of(new Host(userId, null, true, null, null, null, null)) : hosts;
        }

        boolean seated() {
            return settings.seatsPerTimeSlot() != null;
        }

        boolean requiresConfirmation() {
            return Boolean.TRUE.equals(settings.requiresConfirmation());
        }

        int beforeEventBuffer() {
            return settings.beforeEventBuffer() == null ? 0 : settings.beforeEventBuffer();
        }

        int afterEventBuffer() {
            return settings.afterEventBuffer() == null ? 0 : settings.afterEventBuffer();
        }

        /** The lengths a booker may choose: the event type's length, and cal.com's metadata.multipleDuration. */
        List<Integer> lengths() {
            List<Integer> lengths = new ArrayList<>(multipleDurations(settings));
            lengths.add(settings.length());
            return lengths.stream().distinct().sorted().toList();
        }

        /** The first of its locations, as cal.com writes it into Booking.location. */
        String defaultLocation() {
            var locations = settings.locations();
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

        /** cal.com lists the other lengths a booker may choose in metadata.multipleDuration. */
        static List<Integer> multipleDurations(EventTypeSettings settings) {
            Object multiple = settings.metadata() == null ? null : settings.metadata().get("multipleDuration");
            List<Integer> durations = new ArrayList<>();
            if (multiple instanceof List<?> list) {
                for (Object d : list) {
                    if (d instanceof Number n) {
                        durations.add(n.intValue());
                    }
                }
            }
            return durations;
        }
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
