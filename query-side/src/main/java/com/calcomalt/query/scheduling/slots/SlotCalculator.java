package com.calcomalt.query.scheduling.slots;

import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.query.scheduling.slots.SlotInputs.Busy;
import com.calcomalt.query.scheduling.slots.SlotInputs.HostFacts;
import com.calcomalt.query.scheduling.slots.SlotInputs.Interval;
import com.calcomalt.query.scheduling.slots.SlotInputs.Reservation;
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
final class SlotCalculator {

    private SlotCalculator() {
    }

    static List<Instant> freeStarts(SlotInputs inputs, Instant from, Instant to, int duration) {
        SlotInputs.EventTypeFacts et = inputs.eventType();
        if (et.schedulingType() == SchedulingType.managed || inputs.hosts().isEmpty()) {
            return List.of();
        }
        Instant earliest = max(from, inputs.now().plus(Duration.ofMinutes(et.minimumBookingNotice())));
        Instant latest = min(to, periodEnd(inputs));
        if (et.periodType() == PeriodType.range && et.periodStartDate() != null) {
            earliest = max(earliest, et.periodStartDate());
        }
        if (!earliest.isBefore(latest)) {
            return List.of();
        }
        Duration length = Duration.ofMinutes(duration);
        Duration step = Duration.ofMinutes(et.slotInterval() != null ? et.slotInterval() : duration);
        Duration offset = Duration.ofMinutes(et.offsetStart());
        NavigableSet<Instant> candidates = new TreeSet<>();
        List<List<Interval>> working = new ArrayList<>();
        for (HostFacts host : inputs.hosts()) {
            List<Interval> hours = workingHours(host, earliest.minus(Duration.ofDays(1)), latest.plus(Duration.ofDays(1)));
            working.add(hours);
            for (Interval interval : hours) {
                for (Instant t = interval.start().plus(offset); !t.plus(length).isAfter(interval.end()); t = t.plus(step)) {
                    candidates.add(t);
                }
            }
        }
        List<Instant> free = new ArrayList<>();
        for (Instant t : candidates.subSet(earliest, true, latest, false)) {
            if (available(inputs, working, t, length) && !reserved(inputs, t, t.plus(length))) {
                free.add(t);
            }
        }
        return free;
    }

    private static boolean available(SlotInputs inputs, List<List<Interval>> working, Instant start, Duration length) {
        List<HostFacts> hosts = inputs.hosts();
        boolean roundRobin = inputs.eventType().schedulingType() == SchedulingType.roundRobin;
        boolean anyRoundRobinHost = false;
        boolean oneRoundRobinHostFree = false;
        for (int i = 0; i < hosts.size(); i++) {
            HostFacts host = hosts.get(i);
            boolean free = hostFree(inputs, host, working.get(i), start, start.plus(length));
            if (roundRobin && !host.fixed()) {
                anyRoundRobinHost = true;
                oneRoundRobinHostFree |= free;
            } else if (!free) {
                return false;
            }
        }
        return !anyRoundRobinHost || oneRoundRobinHostFree;
    }

    private static boolean hostFree(SlotInputs inputs, HostFacts host, List<Interval> working, Instant start,
                                    Instant end) {
        if (working.stream().noneMatch(w -> !start.isBefore(w.start()) && !end.isAfter(w.end()))) {
            return false;
        }
        if (host.away().stream().anyMatch(a -> a.overlaps(start, end))) {
            return false;
        }
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
    static List<Interval> workingHours(HostFacts host, Instant from, Instant to) {
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
    static List<Reservation> othersThan(List<Reservation> reservations, String ownUid) {
        return ownUid == null ? reservations : reservations.stream().filter(r -> !ownUid.equals(r.uid())).toList();
    }
}
