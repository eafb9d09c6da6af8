package com.calcomalt.query.scheduling.slots;

import static com.calcomalt.platform.database.Timestamps.instant;

import com.calcomalt.contracts.billing.SeatBilling;
import com.calcomalt.contracts.features.FeatureEvaluation;
import com.calcomalt.contracts.features.FeatureEvaluation.TeamStanding;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.rules.scheduling.SlotCalculator;
import com.calcomalt.rules.scheduling.SlotInputRules;
import com.calcomalt.rules.scheduling.SlotInputRules.HostRow;
import com.calcomalt.rules.scheduling.SlotInputRules.HostSeats;
import com.calcomalt.rules.scheduling.SlotInputRules.ScheduleRow;
import com.calcomalt.rules.scheduling.SlotInputRules.UserRow;
import com.calcomalt.rules.scheduling.SlotInputs;
import com.calcomalt.rules.scheduling.SlotInputs.Busy;
import com.calcomalt.rules.scheduling.SlotInputs.EventTypeFacts;
import com.calcomalt.rules.scheduling.SlotInputs.HostFacts;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import com.calcomalt.rules.scheduling.SlotInputs.Reservation;
import com.calcomalt.rules.scheduling.SlotInputs.WeeklyHours;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what {@link SlotCalculator} needs from the cal.com tables in a handful of indexed queries.
 * Those tables keep UTC in timestamps without a zone, so times are read and written as UTC
 * LocalDateTimes, whatever the JVM's zone.
 */
@Component
class SlotInputsLoader {

    /** Far enough for any booking, near enough for a PostgreSQL timestamp. */
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SlotInputsLoader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Hosted(HostRow host, UserRow user) {
    }

    private static Hosted hosted(ResultSet rs, int row) throws SQLException {
        return new Hosted(new HostRow(rs.getInt(1), rs.getBoolean(2), (Integer) rs.getObject(3)),
                new UserRow(rs.getInt(1), rs.getString(4), (Integer) rs.getObject(5)));
    }

    /** @param billedTeam for a team's event type, the organization (or team) whose seats count for its hosts */
    private record EventTypeRow(EventTypeFacts facts, Integer userId, Integer scheduleId, Integer billedTeam) {
    }

    @Transactional(readOnly = true)
    Optional<SlotInputs> load(int eventTypeId, Instant from, Instant to, Instant now) {
        Optional<EventTypeRow> found = jdbc.query("""
                select e.id, e.length, e."slotInterval", e."minimumBookingNotice", e."beforeEventBuffer",
                       e."afterEventBuffer", e."offsetStart", e."periodType"::text, e."periodDays",
                       e."periodCountCalendarDays", e."periodStartDate", e."periodEndDate", e."seatsPerTimeSlot",
                       e."schedulingType"::text, e."lockedTimeZone", e."timeZone", u."timeZone",
                       e.metadata::text, e."userId", e."scheduleId", t.id, t."isOrganization", t."parentId"
                from "EventType" e left join users u on u.id = e."userId" left join "Team" t on t.id = e."teamId"
                where e.id = ?""", (rs, i) -> eventType(rs), eventTypeId).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EventTypeRow eventType = found.get();
        // A user's event type is hosted by its owner alone: fixed, with no schedule of their own.
        List<Hosted> hosted = eventType.userId() != null
                ? jdbc.query("""
                        select u.id, true, null::int, u."timeZone", u."defaultScheduleId" from users u
                        where u.id = ?""", SlotInputsLoader::hosted, eventType.userId())
                : jdbc.query("""
                        select u.id, h."isFixed", h."scheduleId", u."timeZone", u."defaultScheduleId" from "Host" h
                        join users u on u.id = h."userId"
                        where h."eventTypeId" = ? order by u.id""", SlotInputsLoader::hosted, eventTypeId);
        if (hosted.isEmpty()) {
            return Optional.of(new SlotInputs(eventType.facts(), List.of(), List.of(), now));
        }
        List<HostRow> hostRows = hosted.stream().map(Hosted::host).toList();
        Map<Integer, UserRow> users = hosted.stream()
                .collect(Collectors.toMap(h -> h.host().userId(), Hosted::user));
        Integer[] userIds = hostRows.stream().map(HostRow::userId).toArray(Integer[]::new);
        Integer[] scheduleIds = SlotInputRules.candidateSchedules(eventType.scheduleId(), hostRows, users).stream()
                .toArray(Integer[]::new);
        Map<Integer, String> scheduleZones = new HashMap<>();
        jdbc.query("select id, \"timeZone\" from \"Schedule\" where id = any (?)",
                rs -> {
                    scheduleZones.put(rs.getInt(1), rs.getString(2));
                }, (Object) scheduleIds);
        Map<Integer, List<WeeklyHours>> weekly = new HashMap<>();
        Map<Integer, Map<LocalDate, List<LocalTime[]>>> overrides = new HashMap<>();
        jdbc.query("""
                select "scheduleId", days, date, "startTime", "endTime" from "Availability" where "scheduleId" = any (?)""",
                rs -> {
                    int scheduleId = rs.getInt(1);
                    LocalDate date = rs.getObject(3, LocalDate.class);
                    LocalTime start = rs.getObject(4, LocalTime.class);
                    LocalTime end = rs.getObject(5, LocalTime.class);
                    if (date != null) {
                        List<LocalTime[]> ranges = overrides.computeIfAbsent(scheduleId, s -> new HashMap<>())
                                .computeIfAbsent(date, d -> new ArrayList<>());
                        if (start.isBefore(end)) {
                            ranges.add(new LocalTime[] {start, end});
                        }
                    } else {
                        weekly.computeIfAbsent(scheduleId, s -> new ArrayList<>())
                                .add(new WeeklyHours(days(rs.getArray(2)), start, end));
                    }
                }, (Object) scheduleIds);

        Instant busyFrom = from.minus(Duration.ofDays(1));
        Instant busyTo = to.plus(Duration.ofDays(1));
        Map<Integer, List<Busy>> busy = new HashMap<>();
        jdbc.query("""
                select b."userId", b."startTime", b."endTime", b."eventTypeId", coalesce(e."beforeEventBuffer", 0),
                       coalesce(e."afterEventBuffer", 0),
                       (select count(*) from "Attendee" a where a."bookingId" = b.id)
                from "Booking" b left join "EventType" e on e.id = b."eventTypeId"
                where b."userId" = any (?) and b.status in ('accepted', 'pending')
                  and b."startTime" < ? and b."endTime" > ?""",
                rs -> {
                    Instant start = instant(rs, 2);
                    busy.computeIfAbsent(rs.getInt(1), u -> new ArrayList<>()).add(new Busy(
                            start.minus(Duration.ofMinutes(rs.getInt(5))),
                            instant(rs, 3).plus(Duration.ofMinutes(rs.getInt(6))),
                            (Integer) rs.getObject(4), start, Math.max(1, rs.getInt(7))));
                }, userIds, local(busyTo), local(busyFrom));
        Map<Integer, List<Interval>> away = new HashMap<>();
        jdbc.query("""
                select "userId", start, "end" from "OutOfOfficeEntry"
                where "userId" = any (?) and start < ? and "end" > ?""",
                rs -> {
                    away.computeIfAbsent(rs.getInt(1), u -> new ArrayList<>()).add(new Interval(instant(rs, 2), instant(rs, 3)));
                }, userIds, local(busyTo), local(busyFrom));
        List<Reservation> reservations = jdbc.query("""
                select uid, "slotUtcStartDate", "slotUtcEndDate", "isSeat" from "SelectedSlots"
                where "eventTypeId" = ? and "releaseAt" > ?""",
                (rs, i) -> new Reservation(rs.getString(1), instant(rs, 2), instant(rs, 3), rs.getBoolean(4)),
                eventTypeId, local(now));

        Map<Integer, ScheduleRow> schedules = new HashMap<>();
        scheduleZones.forEach((id, zone) -> schedules.put(id, new ScheduleRow(id, zone,
                weekly.getOrDefault(id, List.of()), overrides.getOrDefault(id, Map.of()))));
        HostSeats seats = hostSeats(eventType.billedTeam(), userIds);
        List<HostFacts> hosts = hostRows.stream().map(host -> SlotInputRules.hostFacts(host, eventType.scheduleId(),
                users.get(host.userId()), schedules, busy.getOrDefault(host.userId(), List.of()),
                away.getOrDefault(host.userId(), List.of()), seats)).toList();
        return Optional.of(new SlotInputs(eventType.facts(), hosts, reservations, now));
    }

    /**
     * Whether the team billing a team's event type is seat-billed, by its billing row and the seat-billing
     * flag (as cal.com's features repository evaluates it for the team), and who of the hosts hold its seats.
     */
    private HostSeats hostSeats(Integer billedTeam, Integer[] hostIds) {
        if (billedTeam == null) {
            return HostSeats.NOT_SEAT_BILLED;
        }
        boolean seatBilled = Boolean.TRUE.equals(jdbc.query("""
                select (select enabled from "Feature" where slug = ?),
                       (select enabled from "TeamFeatures" where "teamId" = ? and "featureId" = ?),
                       exists (select 1 from "OrganizationBilling" where "teamId" = ?)
                           or exists (select 1 from "TeamBilling" where "teamId" = ?)""",
                rs -> {
                    rs.next();
                    return SeatBilling.seatBilled(FeatureEvaluation.teamHas((Boolean) rs.getObject(1),
                            new TeamStanding((Boolean) rs.getObject(2), null)), rs.getBoolean(3));
                }, SeatBilling.FLAG, billedTeam, SeatBilling.FLAG, billedTeam, billedTeam));
        if (!seatBilled) {
            return HostSeats.NOT_SEAT_BILLED;
        }
        return HostSeats.seatBilledWith(new HashSet<>(jdbc.queryForList("""
                select "userId" from "Seat" where "orgId" = ? and "userId" = any (?)""", Integer.class, billedTeam,
                hostIds)));
    }

    private EventTypeRow eventType(ResultSet rs) throws SQLException {
        String schedulingType = rs.getString(14);
        EventTypeFacts facts = new EventTypeFacts(rs.getInt(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7), PeriodType.valueOf(rs.getString(8)),
                (Integer) rs.getObject(9), !Boolean.FALSE.equals(rs.getObject(10)), instant(rs, 11),
                instant(rs, 12), (Integer) rs.getObject(13),
                schedulingType == null ? null : SchedulingType.valueOf(schedulingType),
                SlotInputRules.eventTypeZone(rs.getString(15), rs.getString(16), rs.getString(17)),
                durations(rs.getString(18)));
        Integer userId = (Integer) rs.getObject(19);
        Integer teamId = (Integer) rs.getObject(21);
        return new EventTypeRow(facts, userId, (Integer) rs.getObject(20), userId != null || teamId == null ? null
                : SeatBilling.billedTeam(teamId, rs.getBoolean(22), (Integer) rs.getObject(23)));
    }

    /** cal.com lists the lengths a booker may choose in metadata.multipleDuration. */
    private List<Integer> durations(String metadata) {
        if (metadata == null) {
            return List.of();
        }
        try {
            JsonNode multiple = json.readTree(metadata).get("multipleDuration");
            List<Integer> durations = new ArrayList<>();
            if (multiple != null && multiple.isArray()) {
                multiple.forEach(d -> durations.add(d.asInt()));
            }
            return durations;
        } catch (Exception e) {
            return List.of();
        }
    }

    private static List<Integer> days(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Integer> days = new ArrayList<>();
        for (Object day : (Object[]) array.getArray()) {
            days.add(((Number) day).intValue());
        }
        return days;
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant.isAfter(LATEST) ? LATEST : instant, ZoneOffset.UTC);
    }
}
