package com.calcomalt.rules.scheduling;

import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.rules.scheduling.SlotInputs.Busy;
import com.calcomalt.rules.scheduling.SlotInputs.HostFacts;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import com.calcomalt.rules.scheduling.SlotInputs.Reservation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Finds the free start times of an event type, in pure computation over {@link SlotInputs}.
 * Availability is read in each host's own time zone date by date, so hours stay the same local
 * hours across daylight-saving changes. A slot must lie inside working hours; buffers only keep it
 * clear of other bookings (both the slot's and the booking's own buffers count). A team's
 * COLLECTIVE event needs every host; ROUND_ROBIN needs every fixed host and one of the others.
 */
public final class SlotCalculator {

    private SlotCalculator() {
    }

    public static List<Instant> freeStarts(SlotInputs inputs, Instant from, Instant to, int duration) {
        SlotInputs.EventTypeFacts et = inputs.eventType();
        if (et.schedulingType() == SchedulingType.managed || inputs.hosts().isEmpty()) {
            return List.of();
        }
        Instant earliest = earliest(inputs, from);
        Instant latest = min(to, periodEnd(inputs));
        if (!earliest.isBefore(latest)) {
            return List.of();
        }
        Duration length = Duration.ofMinutes(duration);
        List<List<Interval>> working = workingHoursOfHosts(inputs, earliest, latest);
        List<Instant> free = new ArrayList<>();
        for (Instant t : candidates(inputs, working, length).subSet(earliest, true, latest, false)) {
            if (needed(inputs, hostsWhere(inputs, working, t, length, true)) && !reserved(inputs, t, t.plus(length))) {
                free.add(t);
            }
        }
        return free;
    }

    /** Why a start can or cannot be booked, and which hosts are free then. */
    public enum Verdict { FREE, TOO_SOON, OUTSIDE_PERIOD, NOT_OFFERED, TAKEN }

    public record Check(Verdict verdict, List<Integer> freeHosts) {
    }

    /**
     * Whether one start can be booked for {@code duration} minutes: the same rules as {@link #freeStarts},
     * told apart so that a refusal can say why. NOT_OFFERED: not a start the hosts' hours give;
     * TAKEN: offered, but booked or held by someone else.
     */
    public static Check check(SlotInputs inputs, Instant start, int duration) {
        SlotInputs.EventTypeFacts et = inputs.eventType();
        if (start.isBefore(inputs.now().plus(Duration.ofMinutes(et.minimumBookingNotice())))) {
            return new Check(Verdict.TOO_SOON, List.of());
        }
        if (!start.isBefore(periodEnd(inputs))
                || et.periodType() == PeriodType.range && et.periodStartDate() != null && start.isBefore(et.periodStartDate())) {
            return new Check(Verdict.OUTSIDE_PERIOD, List.of());
        }
        if (et.schedulingType() == SchedulingType.managed || inputs.hosts().isEmpty()) {
            return new Check(Verdict.NOT_OFFERED, List.of());
        }
        Duration length = Duration.ofMinutes(duration);
        List<List<Interval>> working = workingHoursOfHosts(inputs, start, start.plus(length));
        if (!candidates(inputs, working, length).contains(start)
                || !needed(inputs, hostsWhere(inputs, working, start, length, false))) {
            return new Check(Verdict.NOT_OFFERED, List.of());
        }
        List<HostFacts> free = hostsWhere(inputs, working, start, length, true);
        if (!needed(inputs, free) || reserved(inputs, start, start.plus(length))) {
            return new Check(Verdict.TAKEN, List.of());
        }
        return new Check(Verdict.FREE, free.stream().map(HostFacts::userId).toList());
    }

    /** Neither in the past nor closer than the event type's minimum notice; not before a fixed period starts. */
    private static Instant earliest(SlotInputs inputs, Instant from) {
        SlotInputs.EventTypeFacts et = inputs.eventType();
        Instant earliest = max(from, inputs.now().plus(Duration.ofMinutes(et.minimumBookingNotice())));
        if (et.periodType() == PeriodType.range && et.periodStartDate() != null) {
            earliest = max(earliest, et.periodStartDate());
        }
        return earliest;
    }

    private static List<List<Interval>> workingHoursOfHosts(SlotInputs inputs, Instant from, Instant to) {
        List<List<Interval>> working = new ArrayList<>();
        for (HostFacts host : inputs.hosts()) {
            working.add(workingHours(host, from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1))));
        }
        return working;
    }

    /** The starts the hosts' hours give, every slot interval (or length) from the start of each stretch of hours. */
    private static NavigableSet<Instant> candidates(SlotInputs inputs, List<List<Interval>> working, Duration length) {
        SlotInputs.EventTypeFacts et = inputs.eventType();
        Duration step = et.slotInterval() != null ? Duration.ofMinutes(et.slotInterval()) : length;
        Duration offset = Duration.ofMinutes(et.offsetStart());
        NavigableSet<Instant> candidates = new TreeSet<>();
        for (List<Interval> hours : working) {
            for (Interval interval : hours) {
                for (Instant t = interval.start().plus(offset); !t.plus(length).isAfter(interval.end()); t = t.plus(step)) {
                    candidates.add(t);
                }
            }
        }
        return candidates;
    }

    /** The hosts whose hours hold the slot, and with {@code clear} who are also not booked then. */
    private static List<HostFacts> hostsWhere(SlotInputs inputs, List<List<Interval>> working, Instant start,
                                              Duration length, boolean clear) {
        List<HostFacts> hosts = new ArrayList<>();
        Instant end = start.plus(length);
        for (int i = 0; i < inputs.hosts().size(); i++) {
            HostFacts host = inputs.hosts().get(i);
            if (inHours(host, working.get(i), start, end) && (!clear || notBooked(inputs, host, start, end))) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    /** Every fixed host (every host unless round robin), and for round robin one of the others. */
    private static boolean needed(SlotInputs inputs, List<HostFacts> available) {
        boolean roundRobin = inputs.eventType().schedulingType() == SchedulingType.roundRobin;
        boolean anyRoundRobinHost = false;
        boolean oneRoundRobinHostAvailable = false;
        for (HostFacts host : inputs.hosts()) {
            boolean isAvailable = available.stream().anyMatch(h -> h == host);
            if (roundRobin && !host.fixed()) {
                anyRoundRobinHost = true;
                oneRoundRobinHostAvailable |= isAvailable;
            } else if (!isAvailable) {
                return false;
            }
        }
        return !anyRoundRobinHost || oneRoundRobinHostAvailable;
    }

    private static boolean inHours(HostFacts host, List<Interval> working, Instant start, Instant end) {
        return working.stream().anyMatch(w -> !start.isBefore(w.start()) && !end.isAfter(w.end()))
                && host.away().stream().noneMatch(a -> a.overlaps(start, end));
    }

    private static boolean notBooked(SlotInputs inputs, HostFacts host, Instant start, Instant end) {
        SlotInputs.EventTypeFacts et = inputs.eventType();
        Instant bufferedStart = start.minus(Duration.ofMinutes(et.beforeEventBuffer()));
        Instant bufferedEnd = end.plus(Duration.ofMinutes(et.afterEventBuffer()));
        int seatsTaken = 0;
        for (Busy busy : host.busy()) {
            boolean sharedSeat = et.seatsPerTimeSlot() != null && Integer.valueOf(et.id()).equals(busy.eventTypeId())
                    && busy.slotStart().equals(start);
            if (sharedSeat) {
                seatsTaken += busy.seatsTaken();
            } else if (busy.start().isBefore(bufferedEnd) && bufferedStart.isBefore(busy.end())) {
                return false;
            }
        }
        if (et.seatsPerTimeSlot() != null) {
            seatsTaken += (int) inputs.reservations().stream().filter(r -> r.isSeat() && r.start().equals(start)).count();
            return seatsTaken < et.seatsPerTimeSlot();
        }
        return true;
    }

    private static boolean reserved(SlotInputs inputs, Instant start, Instant end) {
        return inputs.reservations().stream()
                .filter(r -> !r.isSeat() || inputs.eventType().seatsPerTimeSlot() == null)
                .anyMatch(r -> r.start().isBefore(end) && start.isBefore(r.end()));
    }

    /** The hours of a host between two instants, from their weekly hours and date overrides, merged. */
    public static List<Interval> workingHours(HostFacts host, Instant from, Instant to) {
        ZoneId zone = host.zone();
        List<Interval> hours = new ArrayList<>();
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(LocalDate.ofInstant(to, zone));
             date = date.plusDays(1)) {
            for (LocalTime[] range : rangesOn(host, date)) {
                hours.add(new Interval(ZonedDateTime.of(date, range[0], zone).toInstant(),
                        ZonedDateTime.of(date, range[1], zone).toInstant()));
            }
        }
        hours.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : hours) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Interval(last.start(), max(last.end(), next.end())));
            } else if (next.start().isBefore(next.end())) {
                merged.add(next);
            }
        }
        return merged;
    }

    private static List<LocalTime[]> rangesOn(HostFacts host, LocalDate date) {
        List<LocalTime[]> override = host.overrides().get(date);
        if (override != null) {
            return override;
        }
        int day = date.getDayOfWeek().getValue() % 7;
        return host.weekly().stream().filter(w -> w.days().contains(day))
                .map(w -> new LocalTime[] {w.start(), w.end()}).toList();
    }

    /** Where the event type's booking period ends: a fixed date, or some days from today, or never. */
    private static Instant periodEnd(SlotInputs inputs) {
        SlotInputs.EventTypeFacts et = inputs.eventType();
        ZoneId zone = et.zone();
        LocalDate today = LocalDate.ofInstant(inputs.now(), zone);
        return switch (et.periodType()) {
            case range -> et.periodEndDate() == null ? Instant.MAX
                    : LocalDate.ofInstant(et.periodEndDate(), zone).plusDays(1).atStartOfDay(zone).toInstant();
            case rolling -> lastDay(today, et.periodDays(), et.periodCountCalendarDays()).plusDays(1)
                    .atStartOfDay(zone).toInstant();
            case rolling_window -> lastAvailableDay(inputs, today).plusDays(1).atStartOfDay(zone).toInstant();
            case unlimited -> Instant.MAX;
        };
    }

    /** Calendar days count every day; business days only Monday to Friday. Today is day one. */
    private static LocalDate lastDay(LocalDate today, Integer days, boolean calendarDays) {
        int n = days == null ? 0 : days;
        if (calendarDays) {
            return today.plusDays(Math.max(0, n - 1));
        }
        LocalDate date = today;
        int counted = isBusinessDay(today) ? 1 : 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                counted++;
            }
        }
        return date;
    }

    private static boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** A rolling window counts only days on which a host has hours, up to a year ahead. */
    private static LocalDate lastAvailableDay(SlotInputs inputs, LocalDate today) {
        int wanted = inputs.eventType().periodDays() == null ? 0 : inputs.eventType().periodDays();
        int counted = 0;
        LocalDate date = today;
        for (int i = 0; i < 366 && counted < wanted; i++, date = date.plusDays(1)) {
            LocalDate day = date;
            if (inputs.hosts().stream().anyMatch(h -> !rangesOn(h, day).isEmpty()
                    && rangesOn(h, day).stream().anyMatch(r -> r[0].isBefore(r[1])))) {
                counted++;
            }
        }
        return date.minusDays(1);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The events of a reservation list that are someone else's. */
    public static List<Reservation> othersThan(List<Reservation> reservations, String ownUid) {
        return ownUid == null ? reservations : reservations.stream().filter(r -> !ownUid.equals(r.uid())).toList();
    }
}
