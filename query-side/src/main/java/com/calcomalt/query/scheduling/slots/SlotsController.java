package com.calcomalt.query.scheduling.slots;

import com.calcomalt.contracts.calendar.UnavailableCalendar;
import com.calcomalt.contracts.scheduling.AvailableSlots;
import com.calcomalt.contracts.scheduling.FindAvailableSlots;
import com.calcomalt.contracts.scheduling.FindEventTypeBySlug;
import com.calcomalt.platform.web.CalApiVersion;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.platform.web.ResourceNotFound;
import com.calcomalt.platform.web.validation.IanaTimeZone;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** cal.com API v2's available slots: readable with any valid API key. */
@RestController
@CalApiVersion(CalApiVersion.SLOTS)
@Tag(name = "Slots")
class SlotsController {

    /** Enough for a quarter, and a bound on the work one request may ask for. */
    private static final Duration LONGEST_RANGE = Duration.ofDays(93);

    private final QueryGateway queries;

    /**
     * cal.com API v2's envelope, and beside it the hosts' calendars that could not be read: their
     * busy times are missing from these slots. Left out when every calendar was read.
     */
    record SlotsAnswer(String status, Map<String, List<SlotOutput>> data,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnavailableCalendar> unavailableCalendars) {
    }

    /** cal.com's Slot_2024_09_04, or with format=range its RangeSlot_2024_09_04 (with end). */
    record SlotOutput(String start, @JsonInclude(JsonInclude.Include.NON_NULL) String end) {
    }

    SlotsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/slots")
    @Operation(summary = "Free start times of an event type by date in a time zone",
            description = "Name the event type by eventTypeId, or by eventTypeSlug with username or teamSlug. start and"
                    + " end are dates (whole days in timeZone) or ISO date-times. format=range gives each slot's end too.")
    SlotsAnswer slots(
            @RequestParam(required = false) @Positive Integer eventTypeId,
            @RequestParam(required = false) String eventTypeSlug,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String teamSlug,
            @RequestParam String start,
            @RequestParam String end,
            @RequestParam(defaultValue = "UTC") @IanaTimeZone String timeZone,
            @RequestParam(required = false) @Min(1) @Max(1440) Integer duration,
            @RequestParam(required = false) String reservationUid,
            @RequestParam(required = false) @Pattern(regexp = "range|time", message = "is range or time") String format) {
        ZoneId zone = ZoneId.of(timeZone);
        Instant from = instant("start", start, zone, false);
        Instant to = instant("end", end, zone, true);
        if (!from.isBefore(to)) {
            throw new InvalidInput("end", "comes after start");
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidInput("end", "is at most 93 days after start");
        }
        int id = Optional.ofNullable(eventTypeId).orElseGet(() -> bySlug(eventTypeSlug, username, teamSlug));
        AvailableSlots found = queries.query(new FindAvailableSlots(id, from, to, timeZone, duration, reservationUid),
                AvailableSlots.class).join();
        boolean range = "range".equals(format);
        Map<String, List<SlotOutput>> slots = new TreeMap<>();
        found.slots().forEach((date, starts) -> slots.put(date, starts.stream()
                .map(slot -> new SlotOutput(slot.start(), range ? slot.end() : null)).toList()));
        return new SlotsAnswer("success", slots, found.unavailableCalendars());
    }

    private int bySlug(String eventTypeSlug, String username, String teamSlug) {
        if (eventTypeSlug == null || (username == null) == (teamSlug == null)) {
            throw new InvalidInput("eventTypeId", "or eventTypeSlug with either username or teamSlug is needed");
        }
        return queries.query(new FindEventTypeBySlug(eventTypeSlug, username, teamSlug),
                ResponseTypes.optionalInstanceOf(Integer.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No event type '" + eventTypeSlug + "' of "
                        + (username != null ? "user " + username : "team " + teamSlug)));
    }

    /** A date means the whole day in the asked time zone: its start for start, its end for end. */
    private static Instant instant(String name, String value, ZoneId zone, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(value).toInstant()
                    : java.time.LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "is a date such as 2026-10-25 or a date-time such as 2026-10-25T09:00:00Z");
        }
    }
}
