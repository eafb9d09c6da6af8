package com.calcomalt.command.scheduling.booking;

import static com.calcomalt.platform.database.Timestamps.instant;
import static com.calcomalt.platform.database.Timestamps.utc;

import com.calcomalt.command.billing.SeatHolders;
import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.HostLoad;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.WeeklyRange;
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
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the command side's booking lookups (schema command_side), in the command's
 * transaction: never cal.com's read tables, which a replay may be rebuilding.
 */
@Component
class BookingLookups {

    private static final TypeReference<List<Host>> HOSTS = new TypeReference<>() { };
    private static final TypeReference<List<WeeklyRange>> WEEKLY = new TypeReference<>() { };
    private static final TypeReference<List<DateOverride>> OVERRIDES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final SeatHolders seats;

    BookingLookups(JdbcTemplate jdbc, ObjectMapper mapper, SeatHolders seats) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.seats = seats;
    }

    /** A booking as the lookup knows it: enough to find its event type and its seated slot. */
    record BookingRecord(String uid, int bookingId, Integer eventTypeId, Integer userId, String status, Instant start,
                         Instant end, boolean seated) {
    }

    /** A client's earlier request under an Idempotency-Key. */
    record StoredRequest(String requestHash, String bookingUid, String seatUid) {
    }

    Optional<EventTypeSnapshot> eventType(int eventTypeId) {
        return jdbc.query("""
                select event_type_id, user_id, team_id, parent_id, scheduling_type, settings::text, hosts::text
                from command_side.event_types where event_type_id = ? and settings is not null""",
                (rs, i) -> new EventTypeSnapshot(rs.getInt(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), schedulingType(rs.getString(5)),
                        read(rs.getString(6), EventTypeSettings.class), read(rs.getString(7), HOSTS)),
                eventTypeId).stream().findFirst();
    }

    Map<Integer, Person> people(Collection<Integer> userIds) {
        Map<Integer, Person> people = new LinkedHashMap<>();
        jdbc.query("""
                select user_id, email, name, username, time_zone, locked from command_side.user_registry
                where user_id = any (?)""",
                rs -> {
                    people.put(rs.getInt(1), new Person(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                }, (Object) userIds.toArray(Integer[]::new));
        return people;
    }

    Optional<BookingRecord> booking(String uid) {
        return jdbc.query("""
                select uid, booking_id, event_type_id, user_id, status, start_time, end_time, seated
                from command_side.bookings where uid = ?""",
                (rs, i) -> new BookingRecord(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getBoolean(8)),
                uid).stream().findFirst();
    }

    /** The booking that holds the seats of a seated event type at one start, while it may still take place. */
    Optional<String> seatedBooking(int eventTypeId, Instant start) {
        return jdbc.queryForList("""
                select uid from command_side.bookings
                where event_type_id = ? and start_time = ? and seated and status in ('accepted', 'pending')""",
                String.class, eventTypeId, utc(start)).stream().findFirst();
    }

    /** Claims an Idempotency-Key in the command's transaction; false when it was claimed before. */
    boolean claimRequest(int callerUserId, String idempotencyKey, String requestHash, String bookingUid,
                         String seatUid, Instant now) {
        return jdbc.update("""
                insert into command_side.booking_requests (caller_user_id, idempotency_key, request_hash, booking_uid,
                                                           seat_uid, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                callerUserId, idempotencyKey, requestHash, bookingUid, seatUid, utc(now)) == 1;
    }

    Optional<String> eventTypeSlug(int eventTypeId) {
        return jdbc.queryForList("select slug from command_side.event_types where event_type_id = ?", String.class,
                eventTypeId).stream().findFirst();
    }

    Map<Integer, HostLoad> load(int eventTypeId) {
        Map<Integer, HostLoad> load = new HashMap<>();
        jdbc.query("""
                select user_id, count(*) filter (where status in ('accepted', 'pending')), max(created_at)
                from command_side.bookings where event_type_id = ? and user_id is not null group by user_id""",
                rs -> {
                    load.put(rs.getInt(1), new HostLoad(rs.getInt(2), instant(rs, 3)));
                }, eventTypeId);
        return load;
    }

    Optional<StoredRequest> request(int callerUserId, String idempotencyKey) {
        return jdbc.query("""
                select request_hash, booking_uid, seat_uid from command_side.booking_requests
                where caller_user_id = ? and idempotency_key = ?""",
                (rs, i) -> new StoredRequest(rs.getString(1), rs.getString(2), rs.getString(3)), callerUserId,
                idempotencyKey)
                .stream().findFirst();
    }

    /**
     * What the scheduling rules need to judge a start of this event type: its hosts' hours, their
     * bookings around it (except {@code movedBooking}, which a reschedule frees), their time out of
     * office, what others hold (except the booker's own hold), and for a team's event type who of
     * its hosts holds a seat where seats are billed.
     */
    SlotInputs slotInputs(EventTypeSnapshot eventType, Map<Integer, Person> people, Instant start, Instant end,
                          Instant now, int bookerUserId, String ownReservationUid, String movedBooking) {
        List<HostRow> hosts = hostsOf(eventType).stream()
                .map(h -> new HostRow(h.userId(), h.isFixed(), h.scheduleId())).toList();
        Integer[] userIds = hosts.stream().map(HostRow::userId).toArray(Integer[]::new);
        Map<Integer, UserRow> users = new HashMap<>();
        jdbc.query("""
                select user_id, time_zone, default_schedule_id from command_side.user_registry
                where user_id = any (?)""",
                rs -> {
                    users.put(rs.getInt(1), new UserRow(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3)));
                }, (Object) userIds);
        Integer eventTypeScheduleId = eventType.settings().scheduleId();
        Map<Integer, ScheduleRow> schedules = new HashMap<>();
        jdbc.query("""
                select schedule_id, time_zone, weekly::text, overrides::text from command_side.schedules
                where schedule_id = any (?)""",
                rs -> {
                    schedules.put(rs.getInt(1), new ScheduleRow(rs.getInt(1), rs.getString(2),
                            weekly(read(rs.getString(3), WEEKLY)), overrides(read(rs.getString(4), OVERRIDES))));
                }, (Object) SlotInputRules.candidateSchedules(eventTypeScheduleId, hosts, users)
                        .toArray(Integer[]::new));

        OffsetDateTime around = utc(start.minus(Duration.ofDays(1)));
        OffsetDateTime aroundEnd = utc(end.plus(Duration.ofDays(1)));
        Map<Integer, List<Busy>> busy = new HashMap<>();
        jdbc.query("""
                select user_id, lower(during), upper(during) from command_side.booked_times
                where user_id = any (?) and during && tstzrange(?, ?) and booking_uid <> ?""",
                rs -> {
                    Instant from = instant(rs, 2);
                    busy.computeIfAbsent(rs.getInt(1), u -> new ArrayList<>())
                            .add(new Busy(from, instant(rs, 3), null, from, 1));
                }, userIds, around, aroundEnd, Objects.requireNonNullElse(movedBooking, ""));
        Map<Integer, List<Interval>> away = new HashMap<>();
        jdbc.query("""
                select user_id, lower(during), upper(during) from command_side.out_of_office
                where user_id = any (?) and during && tstzrange(?, ?)""",
                rs -> {
                    away.computeIfAbsent(rs.getInt(1), u -> new ArrayList<>())
                            .add(new Interval(instant(rs, 2), instant(rs, 3)));
                }, userIds, around, aroundEnd);
        List<Reservation> held = jdbc.query("""
                select uid, slot_start, slot_end, is_seat from command_side.slot_reservations
                where event_type_id = ? and release_at > ? and user_id <> ? and uid <> ?""",
                (rs, i) -> new Reservation(rs.getString(1), instant(rs, 2), instant(rs, 3), rs.getBoolean(4)),
                eventType.id(), utc(now), bookerUserId, Objects.requireNonNullElse(ownReservationUid, ""));

        HostSeats hostSeats = eventType.userId() != null || eventType.teamId() == null ? HostSeats.NOT_SEAT_BILLED
                : seats.holders(eventType.teamId()).map(HostSeats::seatBilledWith).orElse(HostSeats.NOT_SEAT_BILLED);
        List<HostFacts> facts = hosts.stream().map(host -> SlotInputRules.hostFacts(host, eventTypeScheduleId,
                users.get(host.userId()), schedules, busy.getOrDefault(host.userId(), List.of()),
                away.getOrDefault(host.userId(), List.of()), hostSeats)).toList();
        return new SlotInputs(eventTypeFacts(eventType, people), facts, held, now);
    }

    static List<Host> hostsOf(EventTypeSnapshot eventType) {
        return eventType.bookedHosts();
    }

    private static EventTypeFacts eventTypeFacts(EventTypeSnapshot eventType, Map<Integer, Person> people) {
        EventTypeSettings s = eventType.settings();
        Person owner = eventType.userId() == null ? null : people.get(eventType.userId());
        return new EventTypeFacts(eventType.id(), s.length(), s.slotInterval(), zeroIfNull(s.minimumBookingNotice()),
                zeroIfNull(s.beforeEventBuffer()), zeroIfNull(s.afterEventBuffer()), zeroIfNull(s.offsetStart()),
                s.periodType() == null ? PeriodType.unlimited : s.periodType(), s.periodDays(),
                !Boolean.FALSE.equals(s.periodCountCalendarDays()), s.periodStartDate(), s.periodEndDate(),
                s.seatsPerTimeSlot(), eventType.schedulingType(),
                SlotInputRules.eventTypeZone(s.lockedTimeZone(), s.timeZone(), owner == null ? null : owner.timeZone()),
                durations(s));
    }

    static List<Integer> durations(EventTypeSettings settings) {
        return EventTypeSnapshot.multipleDurations(settings);
    }

    private static List<WeeklyHours> weekly(List<WeeklyRange> ranges) {
        return ranges.stream().map(r -> new WeeklyHours(r.days(), r.startTime(), r.endTime())).toList();
    }

    private static Map<LocalDate, List<LocalTime[]>> overrides(List<DateOverride> overrides) {
        Map<LocalDate, List<LocalTime[]>> byDate = new HashMap<>();
        for (DateOverride override : overrides) {
            List<LocalTime[]> ranges = byDate.computeIfAbsent(override.date(), d -> new ArrayList<>());
            if (override.startTime().isBefore(override.endTime())) {
                ranges.add(new LocalTime[] {override.startTime(), override.endTime()});
            }
        }
        return byDate;
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }

    private static SchedulingType schedulingType(String name) {
        return name == null ? null : SchedulingType.valueOf(name);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable lookup JSON: " + json, e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable lookup JSON: " + json, e);
        }
    }
}
