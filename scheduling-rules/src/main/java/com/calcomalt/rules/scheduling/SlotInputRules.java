package com.calcomalt.rules.scheduling;

import com.calcomalt.rules.scheduling.SlotInputs.Busy;
import com.calcomalt.rules.scheduling.SlotInputs.HostFacts;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import com.calcomalt.rules.scheduling.SlotInputs.WeeklyHours;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which schedule and time zone apply to a host, and in which zone an event type's days run. The slots
 * query and the booking's check both read rows and hand them here, so what one offers the other accepts.
 */
public final class SlotInputRules {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private SlotInputRules() {
    }

    /**
     * A host of the event type. A user's own event type is hosted by its owner alone: fixed, with no
     * schedule of their own.
     *
     * @param scheduleId the schedule chosen for this host on this event type, if any
     */
    public record HostRow(int userId, boolean fixed, Integer scheduleId) {
    }

    /** The host's user: their own time zone and default schedule. */
    public record UserRow(int userId, String timeZone, Integer defaultScheduleId) {
    }

    /**
     * A schedule that exists, with its hours.
     *
     * @param overrides per date its own ranges, an empty list when the date is unavailable
     */
    public record ScheduleRow(int id, String timeZone, List<WeeklyHours> weekly,
                              Map<LocalDate, List<LocalTime[]>> overrides) {
    }

    /**
     * Seat billing as it meets a team event type's hosts: while the organization (or team) that bills
     * the event type's team is seat-billed, a host holding none of its seats hosts nothing. Such a host
     * gets no hours, so the slots offer nothing that needs them, a booking that needs them (a collective
     * one) is refused as not offered, and round robin gives the booking to another host.
     *
     * @param seatBilled by {@link com.calcomalt.contracts.billing.SeatBilling#seatBilled}
     * @param holders    who holds one of its seats (only those among the hosts are needed)
     */
    public record HostSeats(boolean seatBilled, Set<Integer> holders) {

        /** A user's own event type, or a team's that is not seat-billed: every host hosts. */
        public static final HostSeats NOT_SEAT_BILLED = new HostSeats(false, Set.of());

        public static HostSeats seatBilledWith(Set<Integer> holders) {
            return new HostSeats(true, Set.copyOf(holders));
        }

        public boolean mayHost(int userId) {
            return !seatBilled || holders.contains(userId);
        }
    }

    /** The schedules a loader fetches so that {@link #scheduleOf} can choose among them. */
    public static Set<Integer> candidateSchedules(Integer eventTypeScheduleId, List<HostRow> hosts,
                                                  Map<Integer, UserRow> users) {
        return Stream.concat(Stream.concat(Stream.of(eventTypeScheduleId), hosts.stream().map(HostRow::scheduleId)),
                        users.values().stream().map(UserRow::defaultScheduleId))
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /**
     * The host's own schedule for the event type, else the event type's, else the user's default; a
     * schedule that no longer exists counts as none, as cal.com's foreign keys set it null on delete.
     */
    public static Optional<ScheduleRow> scheduleOf(HostRow host, Integer eventTypeScheduleId, UserRow user,
                                                   Map<Integer, ScheduleRow> schedules) {
        return Stream.of(host.scheduleId(), eventTypeScheduleId, user == null ? null : user.defaultScheduleId())
                .filter(Objects::nonNull).map(schedules::get).filter(Objects::nonNull).findFirst();
    }

    /** A host's hours run in their schedule's zone, else their own, else UTC. */
    public static ZoneId zoneOf(Optional<ScheduleRow> schedule, UserRow user) {
        return zone(schedule.map(ScheduleRow::timeZone).orElse(null), user == null ? null : user.timeZone());
    }

    /**
     * One host's hours by {@link #scheduleOf} and {@link #zoneOf}; without a schedule, or without the
     * seat {@link HostSeats} asks for, no hours.
     */
    public static HostFacts hostFacts(HostRow host, Integer eventTypeScheduleId, UserRow user,
                                      Map<Integer, ScheduleRow> schedules, List<Busy> busy, List<Interval> away,
                                      HostSeats seats) {
        Optional<ScheduleRow> schedule = scheduleOf(host, eventTypeScheduleId, user, schedules);
        Optional<ScheduleRow> hours = seats.mayHost(host.userId()) ? schedule : Optional.empty();
        return new HostFacts(host.userId(), host.fixed(), zoneOf(schedule, user),
                hours.map(ScheduleRow::weekly).orElse(List.of()),
                hours.map(ScheduleRow::overrides).orElse(Map.of()), busy, away);
    }

    /**
     * An event type's days, for its booking period, run in its locked zone, else its own, else its
     * owner's (a team's event type has none), else UTC.
     */
    public static ZoneId eventTypeZone(String lockedTimeZone, String timeZone, String ownerTimeZone) {
        return zone(lockedTimeZone, timeZone, ownerTimeZone);
    }

    private static ZoneId zone(String... choices) {
        return Stream.of(choices).filter(Objects::nonNull).findFirst().map(ZoneId::of).orElse(UTC);
    }
}
