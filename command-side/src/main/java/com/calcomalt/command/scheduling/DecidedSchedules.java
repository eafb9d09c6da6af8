package com.calcomalt.command.scheduling;

import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.DateOverridesSet;
import com.calcomalt.contracts.scheduling.ScheduleCreated;
import com.calcomalt.contracts.scheduling.ScheduleIds;
import com.calcomalt.contracts.scheduling.ScheduleRenamed;
import com.calcomalt.contracts.scheduling.ScheduleTimeZoneChanged;
import com.calcomalt.contracts.scheduling.ScheduleView;
import com.calcomalt.contracts.scheduling.WeeklyAvailabilitySet;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.platform.domain.NotFound;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A schedule as cal.com's API v2 shows it, folded from its own events and the command side's
 * record of the owner's default: what a schedule command answers, without waiting for the read side.
 */
@Component
class DecidedSchedules {

    private final EventStore events;
    private final SchedulingLookups lookups;

    DecidedSchedules(EventStore events, SchedulingLookups lookups) {
        this.events = events;
        this.lookups = lookups;
    }

    ScheduleView of(int scheduleId) {
        ScheduleCreated made = null;
        String name = null;
        String timeZone = null;
        List<WeeklyRange> weekly = List.of();
        List<DateOverride> dated = List.of();
        for (Object event : events.readEvents(ScheduleIds.aggregateId(scheduleId)).asStream()
                .map(e -> e.getPayload()).toList()) {
            if (event instanceof ScheduleCreated e) {
                made = e;
                name = e.name();
                timeZone = e.timeZone();
                weekly = e.availability();
                dated = e.overrides();
            } else if (event instanceof ScheduleRenamed e) {
                name = e.name();
            } else if (event instanceof ScheduleTimeZoneChanged e) {
                timeZone = e.timeZone();
            } else if (event instanceof WeeklyAvailabilitySet e) {
                weekly = e.availability();
            } else if (event instanceof DateOverridesSet e) {
                dated = e.overrides();
            }
        }
        if (made == null) {
            throw new NotFound("No schedule with id " + scheduleId);
        }
        return new ScheduleView(scheduleId, made.userId(), name, timeZone,
                Objects.equals(lookups.defaultScheduleOf(made.userId()), scheduleId),
                weekly.stream().map(r -> new ScheduleView.Range(r.days().stream().map(DecidedSchedules::dayName)
                        .toList(), time(r.startTime()), time(r.endTime()))).toList(),
                dated.stream().map(o -> new ScheduleView.Override(o.date().toString(), time(o.startTime()),
                        time(o.endTime()))).toList());
    }

    /** cal.com stores days as numbers from Sunday = 0 and shows them by English name. */
    private static String dayName(int day) {
        return DayOfWeek.of(day == 0 ? 7 : day).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String time(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
