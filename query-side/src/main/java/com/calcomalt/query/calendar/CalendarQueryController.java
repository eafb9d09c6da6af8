package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.ConnectedCalendars;
import com.calcomalt.contracts.calendar.FindConnectedCalendars;
import com.calcomalt.calendar.HostCalendars.HostsBusy;
import com.calcomalt.contracts.calendar.UnavailableCalendar;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.platform.web.validation.IanaTimeZone;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.calcomalt.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** cal.com API v2's calendar reads. */
@RestController
@Tag(name = "Calendars")
class CalendarQueryController {

    private static final Pattern CALENDAR_TO_LOAD = Pattern.compile("calendarsToLoad\\[(\\d{1,2})]\\[(credentialId|externalId)]");
    private static final Duration LONGEST_RANGE = Duration.ofDays(93);

    private final QueryGateway queries;
    private final CalendarBusy busy;

    CalendarQueryController(QueryGateway queries, CalendarBusy busy) {
        this.queries = queries;
        this.busy = busy;
    }

    /** One busy interval, and the calendar that shows it ("credentialId:externalId"). */
    record BusyTime(Instant start, Instant end, String source) {
    }

    /** cal.com API v2's envelope, and the calendars that could not be read (left out when all were). */
    record BusyTimesAnswer(String status, List<BusyTime> data,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnavailableCalendar> unavailableCalendars) {
    }

    @GetMapping("/v2/calendars")
    @Operation(summary = "The caller's connected calendars, which count for conflicts, and where bookings go")
    ApiResponse<ConnectedCalendars> calendars() {
        return ApiResponse.success(queries.query(new FindConnectedCalendars(Callers.required()),
                ConnectedCalendars.class).join());
    }

    /**
     * What the caller's calendars show as busy, as slots use it (cached for a short while): the
     * calendars named by cal.com's {@code calendarsToLoad[i][credentialId]} and
     * {@code calendarsToLoad[i][externalId]}, or else every calendar the caller selected.
     */
    @GetMapping("/v2/calendars/busy-times")
    @Operation(summary = "Busy times of the caller's calendars between two dates")
    BusyTimesAnswer busyTimes(@RequestParam String dateFrom, @RequestParam String dateTo,
                              @RequestParam(defaultValue = "UTC") @IanaTimeZone String loggedInUsersTz,
                              @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        ZoneId zone = ZoneId.of(loggedInUsersTz);
        Instant from = day("dateFrom", dateFrom).atStartOfDay(zone).toInstant();
        Instant to = day("dateTo", dateTo).plusDays(1).atStartOfDay(zone).toInstant();
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidInput("dateTo", "is on or after dateFrom, and at most 93 days after it");
        }
        Map<Integer, Integer> credentials = new TreeMap<>();
        Map<Integer, String> externalIds = new TreeMap<>();
        parameters.forEach((name, value) -> {
            Matcher matcher = CALENDAR_TO_LOAD.matcher(name);
            if (matcher.matches()) {
                int index = Integer.parseInt(matcher.group(1));
                if (matcher.group(2).equals("externalId")) {
                    externalIds.put(index, value);
                } else if (value.matches("\\d{1,9}")) {
                    credentials.put(index, Integer.parseInt(value));
                } else {
                    throw new InvalidInput(name, "is a credential id");
                }
            }
        });
        if (!credentials.keySet().equals(externalIds.keySet())) {
            throw new InvalidInput("calendarsToLoad", "names each calendar by both credentialId and externalId");
        }
        List<Map.Entry<Integer, String>> named = credentials.entrySet().stream()
                .map(e -> Map.entry(e.getValue(), externalIds.get(e.getKey()))).toList();
        HostsBusy found = busy.ofUser(Callers.required().userId(), named, from, to);
        List<BusyTime> times = found.busyByUser().values().stream().flatMap(List::stream)
                .map(b -> new BusyTime(b.start(), b.end(), b.credentialId() + ":" + b.externalId()))
                .sorted(java.util.Comparator.comparing(BusyTime::start)).toList();
        return new BusyTimesAnswer("success", times, CalendarBusy.unavailable(found));
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "is a date such as 2026-10-25");
        }
    }
}
