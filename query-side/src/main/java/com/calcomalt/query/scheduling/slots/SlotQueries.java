package com.calcomalt.query.scheduling.slots;

import com.calcomalt.contracts.scheduling.AvailableSlots;
import com.calcomalt.contracts.scheduling.FindAvailableSlots;
import com.calcomalt.contracts.scheduling.FindEventTypeBySlug;
import com.calcomalt.calendar.HostCalendars.HostsBusy;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.query.calendar.CalendarBusy;
import com.calcomalt.platform.web.ResourceNotFound;
import com.calcomalt.rules.scheduling.SlotCalculator;
import com.calcomalt.rules.scheduling.SlotInputs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Free slots: the hosts' hours and bookings from the read tables, and the busy times of their
 * connected calendars, read outside any transaction so a slow calendar server holds no database
 * connection. A calendar that cannot be read leaves its host's slots offered, and the answer says so.
 */
@Component
class SlotQueries {

    /** cal.com API v2 shows slot times to the millisecond with the zone's offset. */
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** Around the asked range, for bookings and buffers that reach into it. */
    private static final Duration MARGIN = Duration.ofDays(1);

    private final SlotInputsLoader loader;
    private final CalendarBusy calendars;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SlotQueries(SlotInputsLoader loader, CalendarBusy calendars, JdbcTemplate jdbc, Clock clock) {
        this.loader = loader;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    AvailableSlots handle(FindAvailableSlots query) {
        SlotInputs inputs = loader.load(query.eventTypeId(), query.start(), query.end(), clock.instant())
                .orElseThrow(() -> new ResourceNotFound("No event type with id " + query.eventTypeId()));
        int length = inputs.eventType().length();
        int duration = query.duration() == null ? length : query.duration();
        if (duration != length && !inputs.eventType().durations().contains(duration)) {
            throw new InvalidInput("duration", "is " + length + (inputs.eventType().durations().isEmpty() ? ""
                    : " or one of " + inputs.eventType().durations()) + " minutes for this event type");
        }
        HostsBusy busy = calendars.of(inputs.hosts().stream().map(SlotInputs.HostFacts::userId).toList(),
                query.eventTypeId(), query.start().minus(MARGIN), query.end().plus(MARGIN), true);
        SlotInputs asked = new SlotInputs(inputs.eventType(), inputs.hosts(),
                SlotCalculator.othersThan(inputs.reservations(), query.ignoredReservationUid()), inputs.now())
                .withCalendarBusy(CalendarBusy.intervals(busy));
        ZoneId zone = ZoneId.of(query.timeZone());
        Map<String, List<AvailableSlots.Slot>> byDate = new TreeMap<>();
        for (Instant start : SlotCalculator.freeStarts(asked, query.start(), query.end(), duration)) {
            var local = start.atZone(zone);
            byDate.computeIfAbsent(local.toLocalDate().toString(), d -> new ArrayList<>())
                    .add(new AvailableSlots.Slot(START.format(local), START.format(local.plusMinutes(duration))));
        }
        return new AvailableSlots(byDate, CalendarBusy.unavailable(busy));
    }

    /** A team slug names a top-level team first, since slugs repeat only inside organizations. */
    @QueryHandler
    Optional<Integer> handle(FindEventTypeBySlug query) {
        List<Integer> ids = query.username() != null
                ? jdbc.queryForList("""
                        select e.id from "EventType" e join users u on u.id = e."userId"
                        where lower(u.username) = lower(?) and e.slug = ?""", Integer.class, query.username(),
                        query.eventTypeSlug())
                : jdbc.queryForList("""
                        select e.id from "EventType" e join "Team" t on t.id = e."teamId"
                        where t.slug = ? and e.slug = ? order by t."parentId" nulls first, e.id""", Integer.class,
                        query.teamSlug(), query.eventTypeSlug());
        return ids.stream().findFirst();
    }
}
