package com.calcomalt.rules.scheduling;

import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What finding an event type's free slots needs, read from the cal.com tables at one moment. */
public record SlotInputs(EventTypeFacts eventType, List<HostFacts> hosts, List<Reservation> reservations, Instant now) {

    /** The same, with each host also busy at the times their connected calendars show. */
    public SlotInputs withCalendarBusy(Map<Integer, List<Interval>> calendarBusy) {
        if (calendarBusy.isEmpty()) {
            return this;
        }
        List<HostFacts> busier = hosts.stream().map(host -> {
            List<Busy> busy = new java.util.ArrayList<>(host.busy());
            calendarBusy.getOrDefault(host.userId(), List.of())
                    .forEach(i -> busy.add(new Busy(i.start(), i.end(), null, i.start(), 1)));
            return new HostFacts(host.userId(), host.fixed(), host.zone(), host.weekly(), host.overrides(),
                    List.copyOf(busy), host.away());
        }).toList();
        return new SlotInputs(eventType, busier, reservations, now);
    }

    /**
     * @param zone      where the event type's days begin and end, for its booking period
     * @param durations the lengths a booker may choose besides {@code length} (cal.com's metadata.multipleDuration)
     */
    public record EventTypeFacts(int id, int length, Integer slotInterval, int minimumBookingNotice, int beforeEventBuffer,
                          int afterEventBuffer, int offsetStart, PeriodType periodType, Integer periodDays,
                          boolean periodCountCalendarDays, Instant periodStartDate, Instant periodEndDate,
                          Integer seatsPerTimeSlot, SchedulingType schedulingType, ZoneId zone,
                          List<Integer> durations) {
    }

    /**
     * One host and when they are busy.
     *
     * @param overrides per date its own ranges, an empty list when the date is unavailable
     */
    public record HostFacts(int userId, boolean fixed, ZoneId zone, List<WeeklyHours> weekly,
                     Map<LocalDate, List<LocalTime[]>> overrides, List<Busy> busy, List<Interval> away) {
    }

    /** Days are 0 (Sunday) to 6 (Saturday), as cal.com stores them. */
    public record WeeklyHours(List<Integer> days, LocalTime start, LocalTime end) {
    }

    /**
     * A booking of the host, already widened by its own event type's buffers.
     *
     * @param slotStart   when the booking itself starts, for seats shared at one start
     * @param seatsTaken  attendees of the booking, for seats
     */
    public record Busy(Instant start, Instant end, Integer eventTypeId, Instant slotStart, int seatsTaken) {
    }

    public record Interval(Instant start, Instant end) {
        public boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    public record Reservation(String uid, Instant start, Instant end, boolean isSeat) {
    }
}
