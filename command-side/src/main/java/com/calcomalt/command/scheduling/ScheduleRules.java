package com.calcomalt.command.scheduling;

import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rules of availability: ranges that start before they end and never overlap, in a real time zone. */
final class ScheduleRules {

    private ScheduleRules() {
    }

    static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new DomainRuleViolation("A schedule's name has 1 to 255 characters");
        }
    }

    static void requireTimeZone(String timeZone) {
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new DomainRuleViolation("'" + timeZone + "' is not an IANA time zone");
        }
    }

    static void requireWeekly(List<WeeklyRange> ranges) {
        for (WeeklyRange range : ranges) {
            if (range.startTime() == null || range.endTime() == null) {
                throw new DomainRuleViolation("A weekly range names its start and end");
            }
            if (range.days() == null || range.days().isEmpty()
                    || range.days().stream().anyMatch(d -> d == null || d < 0 || d > 6)) {
                throw new DomainRuleViolation("A weekly range names days from 0 (Sunday) to 6 (Saturday)");
            }
            requireStartBeforeEnd(range.startTime(), range.endTime(), "days " + range.days());
        }
        for (int day = 0; day <= 6; day++) {
            int weekday = day;
            requireNoOverlap(ranges.stream().filter(r -> r.days().contains(weekday))
                    .map(r -> new LocalTime[] {r.startTime(), r.endTime()}).toList(), dayName(weekday));
        }
    }

    static void requireOverrides(List<DateOverride> overrides) {
        for (DateOverride override : overrides) {
            if (override.date() == null || override.startTime() == null || override.endTime() == null) {
                throw new DomainRuleViolation("A date override names its date, start and end");
            }
        }
        Map<LocalDate, List<DateOverride>> byDate = overrides.stream()
                .collect(Collectors.groupingBy(DateOverride::date));
        for (Map.Entry<LocalDate, List<DateOverride>> date : byDate.entrySet()) {
            if (date.getKey() == null) {
                throw new DomainRuleViolation("A date override names its date");
            }
            List<DateOverride> ranges = date.getValue();
            boolean unavailable = ranges.stream().anyMatch(DateOverride::unavailable);
            if (unavailable && ranges.size() > 1) {
                throw new DomainRuleViolation(date.getKey() + " is either unavailable or has hours, not both");
            }
            if (!unavailable) {
                ranges.forEach(r -> requireStartBeforeEnd(r.startTime(), r.endTime(), date.getKey().toString()));
                requireNoOverlap(ranges.stream().map(r -> new LocalTime[] {r.startTime(), r.endTime()}).toList(),
                        date.getKey().toString());
            }
        }
    }

    private static void requireStartBeforeEnd(LocalTime start, LocalTime end, String where) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new DomainRuleViolation("A range starts before it ends; " + start + "-" + end + " on " + where
                    + " does not");
        }
    }

    private static void requireNoOverlap(List<LocalTime[]> ranges, String where) {
        List<LocalTime[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(r -> r[0]));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i)[0].isBefore(sorted.get(i - 1)[1])) {
                throw new DomainRuleViolation("Ranges on " + where + " overlap: " + sorted.get(i - 1)[0] + "-"
                        + sorted.get(i - 1)[1] + " and " + sorted.get(i)[0] + "-" + sorted.get(i)[1]);
            }
        }
    }

    private static String dayName(int day) {
        return java.time.DayOfWeek.of(day == 0 ? 7 : day).getDisplayName(java.time.format.TextStyle.FULL,
                java.util.Locale.ENGLISH);
    }
}
