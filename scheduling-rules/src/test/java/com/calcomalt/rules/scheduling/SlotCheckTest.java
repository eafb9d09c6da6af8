package com.calcomalt.rules.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.rules.scheduling.SlotCalculator.Check;
import com.calcomalt.rules.scheduling.SlotCalculator.Verdict;
import com.calcomalt.rules.scheduling.SlotInputRules.HostRow;
import com.calcomalt.rules.scheduling.SlotInputRules.HostSeats;
import com.calcomalt.rules.scheduling.SlotInputRules.ScheduleRow;
import com.calcomalt.rules.scheduling.SlotInputs.Busy;
import com.calcomalt.rules.scheduling.SlotInputs.EventTypeFacts;
import com.calcomalt.rules.scheduling.SlotInputs.HostFacts;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import com.calcomalt.rules.scheduling.SlotInputs.Reservation;
import com.calcomalt.rules.scheduling.SlotInputs.WeeklyHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whether one start can be booked, and why not: the verdict the command side refuses a booking
 * with. Hosts work 09:00 to 17:00 UTC on weekdays unless a test says otherwise.
 */
class SlotCheckTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final List<Integer> WEEKDAYS = List.of(1, 2, 3, 4, 5);

    /** Monday 26 October 2026, early morning. */
    private static final Instant NOW = Instant.parse("2026-10-26T06:00:00Z");
    /** Tuesday at ten: inside everyone's hours, on the half-hour grid. */
    private static final Instant TUESDAY_TEN = Instant.parse("2026-10-27T10:00:00Z");

    private static final int EVENT_TYPE = 1;

    // ---------------------------------------------------------------- inputs

    /** A thirty-minute event type, no notice, no buffers, bookable any time ahead. */
    private static EventTypeFacts eventType() {
        return eventType(0, 0, 0, PeriodType.unlimited, null, null, null, null, null);
    }

    private static EventTypeFacts eventType(int notice, int bufferBefore, int bufferAfter, PeriodType period,
                                            Integer periodDays, Instant periodStart, Instant periodEnd,
                                            Integer seats, SchedulingType schedulingType) {
        return new EventTypeFacts(EVENT_TYPE, 30, null, notice, bufferBefore, bufferAfter, 0, period, periodDays, true,
                periodStart, periodEnd, seats, schedulingType, UTC, List.of());
    }

    private static EventTypeFacts scheduled(SchedulingType schedulingType) {
        return eventType(0, 0, 0, PeriodType.unlimited, null, null, null, null, schedulingType);
    }

    private static HostFacts host(int userId) {
        return host(userId, false, List.of(), List.of());
    }

    private static HostFacts fixedHost(int userId) {
        return host(userId, true, List.of(), List.of());
    }

    private static HostFacts host(int userId, boolean fixed, List<Busy> busy, List<Interval> away) {
        return new HostFacts(userId, fixed, UTC, List.of(new WeeklyHours(WEEKDAYS, LocalTime.of(9, 0),
                LocalTime.of(17, 0))), Map.of(), busy, away);
    }

    /** A host with a booking of another event type from {@code from} to {@code to}. */
    private static HostFacts booked(int userId, String from, String to) {
        return booked(userId, false, from, to);
    }

    private static HostFacts booked(int userId, boolean fixed, String from, String to) {
        Instant start = Instant.parse(from);
        return host(userId, fixed, List.of(new Busy(start, Instant.parse(to), 2, start, 1)), List.of());
    }

    /** A host whose only hours are on Mondays: none on Tuesday. */
    private static HostFacts mondaysOnly(int userId) {
        return new HostFacts(userId, false, UTC, List.of(new WeeklyHours(List.of(1), LocalTime.of(9, 0),
                LocalTime.of(17, 0))), Map.of(), List.of(), List.of());
    }

    private static Check check(EventTypeFacts eventType, List<HostFacts> hosts, Instant start) {
        return check(eventType, hosts, List.of(), NOW, start);
    }

    private static Check check(EventTypeFacts eventType, List<HostFacts> hosts, List<Reservation> reservations,
                               Instant now, Instant start) {
        return SlotCalculator.check(new SlotInputs(eventType, hosts, reservations, now), start, eventType.length());
    }

    private static Check free(Integer... hosts) {
        return new Check(Verdict.FREE, List.of(hosts));
    }

    private static Check refused(Verdict verdict) {
        return new Check(verdict, List.of());
    }

    // ================================================================ FREE

    @Test
    void a_start_in_the_hosts_hours_is_free_for_that_host() {
        assertThat(check(eventType(), List.of(host(7)), TUESDAY_TEN)).isEqualTo(free(7));
    }

    @Test
    void the_last_start_that_still_ends_within_the_hours_is_free() {
        assertThat(check(eventType(), List.of(host(7)), Instant.parse("2026-10-27T16:30:00Z"))).isEqualTo(free(7));
    }

    @Test
    void a_start_exactly_at_the_minimum_notice_is_free() {
        EventTypeFacts twoHoursNotice = eventType(120, 0, 0, PeriodType.unlimited, null, null, null, null, null);

        assertThat(check(twoHoursNotice, List.of(host(7)), List.of(), TUESDAY_TEN.minus(Duration.ofHours(2)),
                TUESDAY_TEN)).isEqualTo(free(7));
    }

    @Test
    void a_longer_duration_than_the_event_types_length_is_judged_for_its_own_length() {
        EventTypeFacts everyHalfHour = new EventTypeFacts(EVENT_TYPE, 30, 30, 0, 0, 0, 0, PeriodType.unlimited, null,
                true, null, null, null, null, UTC, List.of(60));
        SlotInputs inputs = new SlotInputs(everyHalfHour, List.of(host(7)), List.of(), NOW);

        assertThat(SlotCalculator.check(inputs, Instant.parse("2026-10-27T16:00:00Z"), 60)).isEqualTo(free(7));
        assertThat(SlotCalculator.check(inputs, Instant.parse("2026-10-27T16:30:00Z"), 60))
                .as("an hour from 16:30 runs past five").isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    // ================================================================ TOO_SOON

    @Test
    void a_start_in_the_past_is_too_soon() {
        Instant noonOnTuesday = Instant.parse("2026-10-27T12:00:00Z");

        assertThat(check(eventType(), List.of(host(7)), List.of(), noonOnTuesday, TUESDAY_TEN))
                .isEqualTo(refused(Verdict.TOO_SOON));
    }

    @Test
    void a_start_within_the_minimum_booking_notice_is_too_soon() {
        EventTypeFacts twoHoursNotice = eventType(120, 0, 0, PeriodType.unlimited, null, null, null, null, null);
        Instant ninetyMinutesBefore = TUESDAY_TEN.minus(Duration.ofMinutes(90));

        assertThat(check(twoHoursNotice, List.of(host(7)), List.of(), ninetyMinutesBefore, TUESDAY_TEN))
                .isEqualTo(refused(Verdict.TOO_SOON));
    }

    @Test
    void a_start_one_minute_short_of_the_notice_is_too_soon() {
        EventTypeFacts twoHoursNotice = eventType(120, 0, 0, PeriodType.unlimited, null, null, null, null, null);

        assertThat(check(twoHoursNotice, List.of(host(7)), List.of(),
                TUESDAY_TEN.minus(Duration.ofMinutes(119)), TUESDAY_TEN)).isEqualTo(refused(Verdict.TOO_SOON));
    }

    // ================================================================ OUTSIDE_PERIOD

    @Test
    void a_start_after_a_rolling_period_of_calendar_days_is_outside_the_period() {
        EventTypeFacts threeDays = eventType(0, 0, 0, PeriodType.rolling, 3, null, null, null, null);

        assertThat(check(threeDays, List.of(host(7)), Instant.parse("2026-10-28T16:30:00Z")))
                .as("Monday, Tuesday, Wednesday").isEqualTo(free(7));
        assertThat(check(threeDays, List.of(host(7)), Instant.parse("2026-10-29T09:00:00Z")))
                .isEqualTo(refused(Verdict.OUTSIDE_PERIOD));
    }

    @Test
    void a_rolling_period_of_business_days_skips_the_weekend() {
        Instant friday = Instant.parse("2026-10-23T06:00:00Z");
        EventTypeFacts twoBusinessDays = new EventTypeFacts(EVENT_TYPE, 30, null, 0, 0, 0, 0, PeriodType.rolling, 2,
                false, null, null, null, null, UTC, List.of());

        assertThat(check(twoBusinessDays, List.of(host(7)), List.of(), friday, Instant.parse("2026-10-26T10:00:00Z")))
                .as("Friday and Monday").isEqualTo(free(7));
        assertThat(check(twoBusinessDays, List.of(host(7)), List.of(), friday, TUESDAY_TEN))
                .isEqualTo(refused(Verdict.OUTSIDE_PERIOD));
    }

    @Test
    void a_start_after_the_last_day_of_a_fixed_range_is_outside_the_period() {
        EventTypeFacts range = eventType(0, 0, 0, PeriodType.range, null, Instant.parse("2026-10-26T00:00:00Z"),
                Instant.parse("2026-10-28T00:00:00Z"), null, null);

        assertThat(check(range, List.of(host(7)), Instant.parse("2026-10-28T16:30:00Z")))
                .as("the range's last day is bookable to its end").isEqualTo(free(7));
        assertThat(check(range, List.of(host(7)), Instant.parse("2026-10-29T09:00:00Z")))
                .isEqualTo(refused(Verdict.OUTSIDE_PERIOD));
    }

    @Test
    void a_start_before_the_first_day_of_a_fixed_range_is_outside_the_period() {
        EventTypeFacts range = eventType(0, 0, 0, PeriodType.range, null, Instant.parse("2026-10-28T00:00:00Z"),
                Instant.parse("2026-10-30T00:00:00Z"), null, null);

        assertThat(check(range, List.of(host(7)), TUESDAY_TEN)).isEqualTo(refused(Verdict.OUTSIDE_PERIOD));
    }

    @Test
    void the_first_day_of_a_fixed_range_is_bookable() {
        EventTypeFacts range = eventType(0, 0, 0, PeriodType.range, null, Instant.parse("2026-10-27T00:00:00Z"),
                Instant.parse("2026-10-30T00:00:00Z"), null, null);

        assertThat(check(range, List.of(host(7)), TUESDAY_TEN)).isEqualTo(free(7));
    }

    // ================================================================ NOT_OFFERED

    @Test
    void a_start_off_the_slot_grid_is_not_offered() {
        assertThat(check(eventType(), List.of(host(7)), Instant.parse("2026-10-27T10:10:00Z")))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void a_slot_interval_puts_more_starts_on_the_grid() {
        EventTypeFacts everyQuarter = new EventTypeFacts(EVENT_TYPE, 30, 15, 0, 0, 0, 0, PeriodType.unlimited, null,
                true, null, null, null, null, UTC, List.of());

        assertThat(check(everyQuarter, List.of(host(7)), Instant.parse("2026-10-27T10:15:00Z"))).isEqualTo(free(7));
    }

    @Test
    void a_start_outside_the_hosts_hours_is_not_offered() {
        assertThat(check(eventType(), List.of(host(7)), Instant.parse("2026-10-27T17:00:00Z")))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
        assertThat(check(eventType(), List.of(host(7)), Instant.parse("2026-10-27T08:30:00Z")))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void a_slot_that_would_run_past_the_end_of_the_hours_is_not_offered() {
        EventTypeFacts everyQuarter = new EventTypeFacts(EVENT_TYPE, 30, 15, 0, 0, 0, 0, PeriodType.unlimited, null,
                true, null, null, null, null, UTC, List.of());

        assertThat(check(everyQuarter, List.of(host(7)), Instant.parse("2026-10-27T16:45:00Z")))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void a_day_without_hours_offers_nothing() {
        assertThat(check(eventType(), List.of(host(7)), Instant.parse("2026-10-31T10:00:00Z")))
                .as("a Saturday").isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void a_start_while_the_host_is_out_of_office_is_not_offered() {
        HostFacts away = host(7, false, List.of(), List.of(new Interval(Instant.parse("2026-10-27T00:00:00Z"),
                Instant.parse("2026-10-28T00:00:00Z"))));

        assertThat(check(eventType(), List.of(away), TUESDAY_TEN)).isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void time_out_of_office_that_ends_before_the_start_leaves_it_free() {
        HostFacts awayEarlier = host(7, false, List.of(), List.of(new Interval(Instant.parse("2026-10-27T09:00:00Z"),
                TUESDAY_TEN)));

        assertThat(check(eventType(), List.of(awayEarlier), TUESDAY_TEN)).isEqualTo(free(7));
    }

    @Test
    void a_managed_event_type_itself_is_not_offered() {
        assertThat(check(scheduled(SchedulingType.managed), List.of(host(7)), TUESDAY_TEN))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void an_event_type_without_hosts_is_not_offered() {
        assertThat(check(eventType(), List.of(), TUESDAY_TEN)).isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    // ================================================================ TAKEN

    @Test
    void a_start_during_another_booking_is_taken() {
        assertThat(check(eventType(), List.of(booked(7, "2026-10-27T10:15:00Z", "2026-10-27T10:45:00Z")),
                TUESDAY_TEN)).isEqualTo(refused(Verdict.TAKEN));
    }

    @Test
    void a_booking_that_ends_when_the_slot_starts_leaves_it_free() {
        assertThat(check(eventType(), List.of(booked(7, "2026-10-27T09:30:00Z", "2026-10-27T10:00:00Z")),
                TUESDAY_TEN)).isEqualTo(free(7));
    }

    @Test
    void the_buffer_before_the_slot_keeps_it_clear_of_an_earlier_booking() {
        HostFacts bookedUntilTen = booked(7, "2026-10-27T09:30:00Z", "2026-10-27T09:50:00Z");
        EventTypeFacts fifteenBefore = eventType(0, 15, 0, PeriodType.unlimited, null, null, null, null, null);

        assertThat(check(eventType(), List.of(bookedUntilTen), TUESDAY_TEN)).as("without a buffer")
                .isEqualTo(free(7));
        assertThat(check(fifteenBefore, List.of(bookedUntilTen), TUESDAY_TEN)).isEqualTo(refused(Verdict.TAKEN));
    }

    @Test
    void the_buffer_after_the_slot_keeps_it_clear_of_a_later_booking() {
        HostFacts bookedAtTwentyToEleven = booked(7, "2026-10-27T10:35:00Z", "2026-10-27T11:00:00Z");
        EventTypeFacts tenAfter = eventType(0, 0, 10, PeriodType.unlimited, null, null, null, null, null);

        assertThat(check(eventType(), List.of(bookedAtTwentyToEleven), TUESDAY_TEN)).as("without a buffer")
                .isEqualTo(free(7));
        assertThat(check(tenAfter, List.of(bookedAtTwentyToEleven), TUESDAY_TEN)).isEqualTo(refused(Verdict.TAKEN));
    }

    @Test
    void a_slot_someone_else_holds_is_taken() {
        Reservation held = new Reservation("someone-elses", TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofMinutes(30)),
                false);

        assertThat(check(eventType(), List.of(host(7)), List.of(held), NOW, TUESDAY_TEN))
                .isEqualTo(refused(Verdict.TAKEN));
    }

    @Test
    void a_hold_that_overlaps_only_part_of_the_slot_takes_it() {
        Reservation held = new Reservation("someone-elses", TUESDAY_TEN.plus(Duration.ofMinutes(20)),
                TUESDAY_TEN.plus(Duration.ofMinutes(50)), false);

        assertThat(check(eventType(), List.of(host(7)), List.of(held), NOW, TUESDAY_TEN))
                .isEqualTo(refused(Verdict.TAKEN));
    }

    @Test
    void the_bookers_own_hold_does_not_take_the_slot_from_them() {
        Reservation own = new Reservation("own", TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofMinutes(30)), false);

        assertThat(check(eventType(), List.of(host(7)), SlotCalculator.othersThan(List.of(own), "own"), NOW,
                TUESDAY_TEN)).isEqualTo(free(7));
    }

    @Test
    void a_seated_slot_is_free_until_its_last_seat_is_taken() {
        EventTypeFacts threeSeats = eventType(0, 0, 0, PeriodType.unlimited, null, null, null, 3, null);
        HostFacts twoSeatsTaken = host(7, false, List.of(new Busy(TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofMinutes(30)),
                EVENT_TYPE, TUESDAY_TEN, 2)), List.of());
        Reservation thirdSeatHeld = new Reservation("seat", TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofMinutes(30)),
                true);

        assertThat(check(threeSeats, List.of(twoSeatsTaken), TUESDAY_TEN)).isEqualTo(free(7));
        assertThat(check(threeSeats, List.of(twoSeatsTaken), List.of(thirdSeatHeld), NOW, TUESDAY_TEN))
                .isEqualTo(refused(Verdict.TAKEN));
    }

    // ================================================================ round robin

    @Test
    void round_robin_is_free_when_one_of_its_hosts_is_free_and_names_only_that_one() {
        List<HostFacts> hosts = List.of(booked(7, "2026-10-27T10:00:00Z", "2026-10-27T10:30:00Z"), host(8));

        assertThat(check(scheduled(SchedulingType.roundRobin), hosts, TUESDAY_TEN)).isEqualTo(free(8));
    }

    @Test
    void round_robin_lists_every_free_host_and_none_that_is_booked_or_off() {
        List<HostFacts> hosts = List.of(host(7), booked(8, "2026-10-27T10:00:00Z", "2026-10-27T10:30:00Z"),
                mondaysOnly(9), host(10));

        assertThat(check(scheduled(SchedulingType.roundRobin), hosts, TUESDAY_TEN)).isEqualTo(free(7, 10));
    }

    @Test
    void round_robin_is_taken_when_every_host_is_booked() {
        List<HostFacts> hosts = List.of(booked(7, "2026-10-27T10:00:00Z", "2026-10-27T10:30:00Z"),
                booked(8, "2026-10-27T09:45:00Z", "2026-10-27T10:15:00Z"));

        assertThat(check(scheduled(SchedulingType.roundRobin), hosts, TUESDAY_TEN)).isEqualTo(refused(Verdict.TAKEN));
    }

    @Test
    void round_robin_is_taken_when_a_fixed_host_is_booked_however_free_the_others_are() {
        List<HostFacts> hosts = List.of(booked(7, true, "2026-10-27T10:00:00Z", "2026-10-27T10:30:00Z"), host(8));

        assertThat(check(scheduled(SchedulingType.roundRobin), hosts, TUESDAY_TEN)).isEqualTo(refused(Verdict.TAKEN));
    }

    @Test
    void round_robin_names_the_fixed_host_with_the_free_ones() {
        List<HostFacts> hosts = List.of(fixedHost(7), booked(8, "2026-10-27T10:00:00Z", "2026-10-27T10:30:00Z"),
                host(9));

        assertThat(check(scheduled(SchedulingType.roundRobin), hosts, TUESDAY_TEN)).isEqualTo(free(7, 9));
    }

    @Test
    void round_robin_is_not_offered_when_none_of_its_hosts_works_then() {
        assertThat(check(scheduled(SchedulingType.roundRobin), List.of(mondaysOnly(7), mondaysOnly(8)), TUESDAY_TEN))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    // ================================================================ seats (issue 14)

    /** A host as the loaders build them, working weekdays 9 to 17, in an organization billed with these seats. */
    private static HostFacts seated(int userId, boolean fixed, HostSeats seats) {
        ScheduleRow weekdays = new ScheduleRow(1, "UTC", List.of(new WeeklyHours(WEEKDAYS, LocalTime.of(9, 0),
                LocalTime.of(17, 0))), Map.of());
        return SlotInputRules.hostFacts(new HostRow(userId, fixed, 1), null, null, Map.of(1, weekdays), List.of(),
                List.of(), seats);
    }

    @Test
    void round_robin_gives_a_start_only_to_hosts_holding_a_seat_of_a_seat_billed_organization() {
        HostSeats onlySeven = HostSeats.seatBilledWith(Set.of(7));
        List<HostFacts> hosts = List.of(seated(7, false, onlySeven), seated(8, false, onlySeven));

        assertThat(check(scheduled(SchedulingType.roundRobin), hosts, TUESDAY_TEN)).isEqualTo(free(7));
    }

    @Test
    void a_collective_event_needing_a_host_without_a_seat_is_not_offered() {
        HostSeats onlySeven = HostSeats.seatBilledWith(Set.of(7));
        List<HostFacts> hosts = List.of(seated(7, true, onlySeven), seated(8, true, onlySeven));

        assertThat(check(scheduled(SchedulingType.collective), hosts, TUESDAY_TEN))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
        assertThat(SlotCalculator.freeStarts(new SlotInputs(scheduled(SchedulingType.collective), hosts, List.of(),
                NOW), TUESDAY_TEN, TUESDAY_TEN.plus(Duration.ofDays(1)), 30)).isEmpty();
        assertThat(check(scheduled(SchedulingType.collective), List.of(seated(7, true, HostSeats.NOT_SEAT_BILLED),
                seated(8, true, HostSeats.NOT_SEAT_BILLED)), TUESDAY_TEN)).isEqualTo(free(7, 8));
    }

    // ================================================================ collective

    @Test
    void a_collective_event_is_free_when_every_host_is() {
        assertThat(check(scheduled(SchedulingType.collective), List.of(host(7), host(8)), TUESDAY_TEN))
                .isEqualTo(free(7, 8));
    }

    @Test
    void a_collective_event_is_taken_when_one_host_is_booked() {
        List<HostFacts> hosts = List.of(host(7), booked(8, "2026-10-27T10:00:00Z", "2026-10-27T10:30:00Z"));

        assertThat(check(scheduled(SchedulingType.collective), hosts, TUESDAY_TEN)).isEqualTo(refused(Verdict.TAKEN));
    }

    @Test
    void a_collective_event_is_not_offered_when_one_host_does_not_work_then() {
        assertThat(check(scheduled(SchedulingType.collective), List.of(host(7), mondaysOnly(8)), TUESDAY_TEN))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void a_collective_event_is_not_offered_when_one_host_is_out_of_office() {
        HostFacts away = host(8, false, List.of(), List.of(new Interval(TUESDAY_TEN.minus(Duration.ofHours(1)),
                TUESDAY_TEN.plus(Duration.ofHours(1)))));

        assertThat(check(scheduled(SchedulingType.collective), List.of(host(7), away), TUESDAY_TEN))
                .isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void a_host_in_another_time_zone_is_judged_by_their_own_hours() {
        HostFacts berlin = new HostFacts(7, false, ZoneId.of("Europe/Berlin"), List.of(new WeeklyHours(WEEKDAYS,
                LocalTime.of(9, 0), LocalTime.of(17, 0))), Map.of(), List.of(), List.of());

        assertThat(check(eventType(), List.of(berlin), Instant.parse("2026-10-27T08:00:00Z")))
                .as("09:00 in Berlin (CET) is 08:00 UTC").isEqualTo(free(7));
        assertThat(check(eventType(), List.of(berlin), Instant.parse("2026-10-27T16:00:00Z")))
                .as("17:00 in Berlin").isEqualTo(refused(Verdict.NOT_OFFERED));
    }

    @Test
    void a_date_override_replaces_the_weekly_hours_of_its_date() {
        HostFacts afternoonOnly = new HostFacts(7, false, UTC, List.of(new WeeklyHours(WEEKDAYS, LocalTime.of(9, 0),
                LocalTime.of(17, 0))), Map.of(LocalDate.of(2026, 10, 27), List.<LocalTime[]>of(new LocalTime[] {
                        LocalTime.of(13, 0), LocalTime.of(15, 0)})), List.of(), List.of());

        assertThat(check(eventType(), List.of(afternoonOnly), TUESDAY_TEN)).isEqualTo(refused(Verdict.NOT_OFFERED));
        assertThat(check(eventType(), List.of(afternoonOnly), Instant.parse("2026-10-27T13:00:00Z")))
                .isEqualTo(free(7));
    }
}
