package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.FindSchedule;
import com.calcomalt.contracts.scheduling.FindSchedules;
import com.calcomalt.contracts.scheduling.ScheduleView;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A user's schedules, seen by that user and by system admins. */
@Component
@Transactional(readOnly = true)
class ScheduleQueries {

    private final ScheduleRows schedules;
    private final AvailabilityRows availability;
    private final JdbcTemplate jdbc;

    ScheduleQueries(ScheduleRows schedules, AvailabilityRows availability, JdbcTemplate jdbc) {
        this.schedules = schedules;
        this.availability = availability;
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<ScheduleView> handle(FindSchedules query) {
        return views(schedules.findByUserIdOrderById(query.caller().userId()));
    }

    @QueryHandler
    Optional<ScheduleView> handle(FindSchedule query) {
        return schedules.findById(query.scheduleId()).filter(s -> sees(query.caller(), s.userId))
                .map(s -> views(List.of(s)).get(0));
    }

    private static boolean sees(Caller caller, int owner) {
        return caller.mayActAs(owner);
    }

    private List<ScheduleView> views(List<ScheduleRow> rows) {
        Map<Integer, List<AvailabilityRow>> hours = availability.findByScheduleIdInOrderById(
                rows.stream().map(s -> s.id).toList()).stream().collect(Collectors.groupingBy(a -> a.scheduleId));
        return rows.stream().map(s -> {
            Integer defaultId = jdbc.query("select \"defaultScheduleId\" from users where id = ?",
                    rs -> rs.next() ? (Integer) rs.getObject(1) : null, s.userId);
            List<AvailabilityRow> own = hours.getOrDefault(s.id, List.of());
            return new ScheduleView(s.id, s.userId, s.name, s.timeZone, Integer.valueOf(s.id).equals(defaultId),
                    own.stream().filter(a -> a.date == null).map(a -> new ScheduleView.Range(
                            a.days.stream().map(ScheduleQueries::dayName).toList(), time(a.startTime), time(a.endTime)))
                            .toList(),
                    own.stream().filter(a -> a.date != null).map(a -> new ScheduleView.Override(a.date.toString(),
                            time(a.startTime), time(a.endTime))).toList());
        }).toList();
    }

    private static String dayName(int day) {
        return DayOfWeek.of(day == 0 ? 7 : day).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String time(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
