package com.calcomalt.rules.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.rules.scheduling.SlotInputs.Busy;
import com.calcomalt.rules.scheduling.SlotInputs.EventTypeFacts;
import com.calcomalt.rules.scheduling.SlotInputs.HostFacts;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import com.calcomalt.rules.scheduling.SlotInputs.Reservation;
import com.calcomalt.rules.scheduling.SlotInputs.WeeklyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Slots worked out by hand, in the zones and on the dates where they are easiest to get wrong. */
class SlotCalculatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<Integer> WEEKDAYS = List.of(1, 2, 3, 4, 5);
    private static final List<Integer> EVERY_DAY = List.of(0, 1, 2, 3, 4, 5, 6);

    private static EventTypeFacts eventType(int length) {
        return new EventTypeFacts(1, length, null, 0, 0, 0, 0, PeriodType.unlimited, null, true, null, null, null,
                null, ZoneId.of("UTC"), List.of());
    }

    private static HostFacts host(int userId, ZoneId zone, List<Integer> days, String from, String to) {
        return new HostFacts(userId, false, zone, List.of(new WeeklyHours(days, LocalTime.parse(from), LocalTime.parse(to))),
                Map.of(), List.of(), List.of());
    }

    private static List<Instant> slots(EventTypeFacts eventType, List<HostFacts> hosts, String from, String to) {
        return slots(eventType, hosts, List.of(), LONG_AGO, from, to);
    }

    private static List<Instant> slots(EventTypeFacts eventType, List<HostFacts> hosts, List<Reservation> reservations,
                                       Instant now, String from, String to) {
        return SlotCalculator.freeStarts(new SlotInputs(eventType, hosts, reservations, now), Instant.parse(from),
                Instant.parse(to), eventType.length());
    }

    private static List<String> local(List<Instant> slots, ZoneId zone) {
        return slots.stream().map(s -> s.atZone(zone).toLocalDateTime().toString()).toList();
    }

    private static Map<LocalDate, Long> perDay(List<Instant> slots, ZoneId zone) {
        return slots.stream().collect(Collectors.groupingBy(s -> s.atZone(zone).toLocalDate(), Collectors.counting()));
    }

    @Test
    void berlin_hours_stay_nine_to_five_across_the_spring_change_of_29_march_2026() {
        List<Instant> slots = slots(eventType(60), List.of(host(1, BERLIN, EVERY_DAY, "09:00", "17:00")),
                "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z");

        assertThat(slots).hasSize(16);
        assertThat(slots.get(0)).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(slots.get(7)).isEqualTo(Instant.parse("2026-03-28T15:00:00Z"));
        assertThat(slots.get(8)).as("CEST from 29 March").isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(slots.get(15)).isEqualTo(Instant.parse("2026-03-29T14:00:00Z"));
    }

    @Test
    void berlin_hours_stay_nine_to_five_across_the_autumn_change_of_25_october_2026() {
        List<Instant> slots = slots(eventType(60), List.of(host(1, BERLIN, EVERY_DAY, "09:00", "17:00")),
                "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z");

        assertThat(slots.get(0)).isEqualTo(Instant.parse("2026-10-24T07:00:00Z"));
        assertThat(slots.get(8)).as("CET from 25 October").isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
        assertThat(local(slots, BERLIN)).allMatch(t -> t.compareTo(t.substring(0, 11) + "09:00") >= 0
                && t.compareTo(t.substring(0, 11) + "16:00") <= 0);
    }

    @Test
    void hours_spanning_the_missing_hour_of_the_spring_change_are_one_hour_shorter() {
        List<Instant> slots = slots(eventType(30), List.of(host(1, BERLIN, List.of(0), "01:00", "04:00")),
                "2026-03-29T00:00:00Z", "2026-03-30T00:00:00Z");

        assertThat(local(slots, BERLIN)).containsExactly("2026-03-29T01:00", "2026-03-29T01:30", "2026-03-29T03:00",
                "2026-03-29T03:30");
    }

    @Test
    void new_york_hours_stay_local_across_both_of_its_2026_changes() {
        HostFacts host = host(1, NEW_YORK, EVERY_DAY, "09:00", "10:00");

        assertThat(slots(eventType(60), List.of(host), "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z"))
                .containsExactly(Instant.parse("2026-03-07T14:00:00Z"), Instant.parse("2026-03-08T13:00:00Z"),
                        Instant.parse("2026-03-09T13:00:00Z"));
        assertThat(slots(eventType(60), List.of(host), "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z"))
                .containsExactly(Instant.parse("2026-10-31T13:00:00Z"), Instant.parse("2026-11-01T14:00:00Z"),
                        Instant.parse("2026-11-02T14:00:00Z"));
    }

    @Test
    void a_date_override_replaces_the_weekly_hours_of_that_date_or_takes_the_day_off() {
        HostFacts host = new HostFacts(1, false, BERLIN,
                List.of(new WeeklyHours(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                Map.of(LocalDate.of(2026, 10, 27), List.<LocalTime[]>of(new LocalTime[] {LocalTime.of(13, 0),
                                LocalTime.of(14, 0)}),
                        LocalDate.of(2026, 10, 28), List.<LocalTime[]>of()),
                List.of(), List.of());

        Map<LocalDate, Long> days = perDay(slots(eventType(30), List.of(host), "2026-10-26T00:00:00Z",
                "2026-10-30T00:00:00Z"), BERLIN);

        assertThat(days).containsEntry(LocalDate.of(2026, 10, 26), 16L)
                .containsEntry(LocalDate.of(2026, 10, 27), 2L)
                .doesNotContainKey(LocalDate.of(2026, 10, 28))
                .containsEntry(LocalDate.of(2026, 10, 29), 16L);
    }

    @Test
    void buffers_keep_slots_clear_of_bookings_but_may_reach_outside_working_hours() {
        EventTypeFacts et = new EventTypeFacts(1, 30, null, 0, 15, 15, 0, PeriodType.unlimited, null, true, null,
                null, null, null, ZoneId.of("UTC"), List.of());
        ZoneId utc = ZoneId.of("UTC");
        Busy booking = new Busy(Instant.parse("2026-10-26T10:00:00Z"), Instant.parse("2026-10-26T10:30:00Z"), 2,
                Instant.parse("2026-10-26T10:00:00Z"), 1);
        HostFacts host = new HostFacts(1, false, utc,
                List.of(new WeeklyHours(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(12, 0))), Map.of(),
                List.of(booking), List.of());

        assertThat(local(slots(et, List.of(host), "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z"), utc))
                .containsExactly("2026-10-26T09:00", "2026-10-26T11:00", "2026-10-26T11:30");
    }

    @Test
    void a_bookings_own_buffers_block_too() {
        ZoneId utc = ZoneId.of("UTC");
        Busy bufferedBooking = new Busy(Instant.parse("2026-10-26T09:45:00Z"), Instant.parse("2026-10-26T10:45:00Z"),
                2, Instant.parse("2026-10-26T10:00:00Z"), 1);
        HostFacts host = new HostFacts(1, false, utc,
                List.of(new WeeklyHours(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(12, 0))), Map.of(),
                List.of(bufferedBooking), List.of());

        assertThat(local(slots(eventType(30), List.of(host), "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z"), utc))
                .containsExactly("2026-10-26T09:00", "2026-10-26T11:00", "2026-10-26T11:30");
    }

    @Test
    void slots_are_grouped_by_the_date_of_the_asking_time_zone_however_far_it_is_from_the_host() {
        List<Instant> slots = slots(eventType(60), List.of(host(1, BERLIN, List.of(1), "09:00", "11:00")),
                "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z");

        assertThat(slots).containsExactly(Instant.parse("2026-10-26T08:00:00Z"), Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(slots.stream().map(s -> s.atZone(ZoneId.of("Pacific/Kiritimati")).toString()))
                .containsExactly("2026-10-26T22:00+14:00[Pacific/Kiritimati]",
                        "2026-10-26T23:00+14:00[Pacific/Kiritimati]");
        assertThat(slots.stream().map(s -> s.atZone(ZoneId.of("Pacific/Pago_Pago")).toLocalDate().toString()))
                .containsOnly("2026-10-25");
    }

    @Test
    void a_thirty_one_day_range_gives_every_working_day_its_slots() {
        List<Instant> slots = slots(eventType(30), List.of(host(1, BERLIN, WEEKDAYS, "09:00", "17:00")),
                "2026-11-01T00:00:00Z", "2026-12-02T00:00:00Z");

        Map<LocalDate, Long> days = perDay(slots, BERLIN);
        assertThat(days).hasSize(22);
        assertThat(days.values()).containsOnly(16L);
    }

    @Test
    void nothing_is_offered_before_the_minimum_booking_notice() {
        EventTypeFacts et = new EventTypeFacts(1, 60, null, 120, 0, 0, 0, PeriodType.unlimited, null, true, null,
                null, null, null, ZoneId.of("UTC"), List.of());
        Instant now = Instant.parse("2026-10-26T09:30:00Z");

        assertThat(slots(et, List.of(host(1, ZoneId.of("UTC"), WEEKDAYS, "09:00", "14:00")), List.of(), now,
                "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z"))
                .containsExactly(Instant.parse("2026-10-26T12:00:00Z"), Instant.parse("2026-10-26T13:00:00Z"));
    }

    @Test
    void slot_interval_sets_how_often_a_slot_starts() {
        EventTypeFacts et = new EventTypeFacts(1, 30, 15, 0, 0, 0, 0, PeriodType.unlimited, null, true, null, null,
                null, null, ZoneId.of("UTC"), List.of());

        assertThat(local(slots(et, List.of(host(1, ZoneId.of("UTC"), WEEKDAYS, "09:00", "10:00")),
                "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z"), ZoneId.of("UTC")))
                .containsExactly("2026-10-26T09:00", "2026-10-26T09:15", "2026-10-26T09:30");
    }

    @Test
    void a_rolling_period_counts_calendar_or_business_days_from_today() {
        Instant friday = Instant.parse("2026-10-23T06:00:00Z");
        HostFacts everyDay = host(1, ZoneId.of("UTC"), EVERY_DAY, "09:00", "10:00");
        EventTypeFacts calendar = new EventTypeFacts(1, 60, null, 0, 0, 0, 0, PeriodType.rolling, 3, true, null, null,
                null, null, ZoneId.of("UTC"), List.of());
        EventTypeFacts business = new EventTypeFacts(1, 60, null, 0, 0, 0, 0, PeriodType.rolling, 3, false, null,
                null, null, null, ZoneId.of("UTC"), List.of());

        assertThat(perDay(slots(calendar, List.of(everyDay), List.of(), friday, "2026-10-23T00:00:00Z",
                "2026-11-01T00:00:00Z"), ZoneId.of("UTC")).keySet())
                .containsExactlyInAnyOrder(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 24),
                        LocalDate.of(2026, 10, 25));
        assertThat(perDay(slots(business, List.of(everyDay), List.of(), friday, "2026-10-23T00:00:00Z",
                "2026-11-01T00:00:00Z"), ZoneId.of("UTC")).keySet())
                .as("Friday, Monday, Tuesday: the weekend between counts but is not a business day")
                .contains(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 27))
                .doesNotContain(LocalDate.of(2026, 10, 28));
    }

    @Test
    void a_rolling_window_counts_only_days_with_hours_and_a_range_is_inclusive_of_its_last_day() {
        Instant friday = Instant.parse("2026-10-23T06:00:00Z");
        HostFacts weekdays = host(1, ZoneId.of("UTC"), WEEKDAYS, "09:00", "10:00");
        EventTypeFacts window = new EventTypeFacts(1, 60, null, 0, 0, 0, 0, PeriodType.rolling_window, 2, true, null,
                null, null, null, ZoneId.of("UTC"), List.of());
        EventTypeFacts range = new EventTypeFacts(1, 60, null, 0, 0, 0, 0, PeriodType.range, null, true,
                Instant.parse("2026-10-27T00:00:00Z"), Instant.parse("2026-10-28T00:00:00Z"), null, null,
                ZoneId.of("UTC"), List.of());

        assertThat(perDay(slots(window, List.of(weekdays), List.of(), friday, "2026-10-23T00:00:00Z",
                "2026-11-01T00:00:00Z"), ZoneId.of("UTC")).keySet())
                .containsExactlyInAnyOrder(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 26));
        assertThat(perDay(slots(range, List.of(weekdays), List.of(), friday, "2026-10-23T00:00:00Z",
                "2026-11-01T00:00:00Z"), ZoneId.of("UTC")).keySet())
                .containsExactlyInAnyOrder(LocalDate.of(2026, 10, 27), LocalDate.of(2026, 10, 28));
    }

    @Test
    void out_of_office_takes_its_hours_away() {
        HostFacts away = new HostFacts(1, false, ZoneId.of("UTC"),
                List.of(new WeeklyHours(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(12, 0))), Map.of(), List.of(),
                List.of(new Interval(Instant.parse("2026-10-26T10:00:00Z"), Instant.parse("2026-10-27T00:00:00Z"))));

        assertThat(local(slots(eventType(60), List.of(away), "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z"),
                ZoneId.of("UTC"))).containsExactly("2026-10-26T09:00");
    }

    @Test
    void a_slot_someone_holds_is_not_offered_except_to_them() {
        Reservation held = new Reservation("r1", Instant.parse("2026-10-26T09:00:00Z"),
                Instant.parse("2026-10-26T10:00:00Z"), false);
        HostFacts host = host(1, ZoneId.of("UTC"), WEEKDAYS, "09:00", "11:00");

        assertThat(slots(eventType(60), List.of(host), List.of(held), LONG_AGO, "2026-10-26T00:00:00Z",
                "2026-10-27T00:00:00Z")).containsExactly(Instant.parse("2026-10-26T10:00:00Z"));
        assertThat(slots(eventType(60), List.of(host), SlotCalculator.othersThan(List.of(held), "r1"), LONG_AGO,
                "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z")).hasSize(2);
    }

    @Test
    void a_seated_slot_stays_free_until_its_seats_are_taken() {
        EventTypeFacts seated = new EventTypeFacts(7, 60, null, 0, 0, 0, 0, PeriodType.unlimited, null, true, null,
                null, 3, null, ZoneId.of("UTC"), List.of());
        Instant nine = Instant.parse("2026-10-26T09:00:00Z");
        HostFacts twoSeatsTaken = new HostFacts(1, false, ZoneId.of("UTC"),
                List.of(new WeeklyHours(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(10, 0))), Map.of(),
                List.of(new Busy(nine, nine.plusSeconds(3600), 7, nine, 2)), List.of());
        Reservation thirdSeatHeld = new Reservation("r", nine, nine.plusSeconds(3600), true);

        assertThat(slots(seated, List.of(twoSeatsTaken), "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z"))
                .containsExactly(nine);
        assertThat(slots(seated, List.of(twoSeatsTaken), List.of(thirdSeatHeld), LONG_AGO, "2026-10-26T00:00:00Z",
                "2026-10-27T00:00:00Z")).isEmpty();
    }

    @Test
    void a_collective_event_needs_every_host_and_round_robin_needs_one() {
        ZoneId utc = ZoneId.of("UTC");
        HostFacts morning = host(1, utc, WEEKDAYS, "09:00", "12:00");
        HostFacts lateMorning = host(2, utc, WEEKDAYS, "10:00", "13:00");
        EventTypeFacts collective = new EventTypeFacts(1, 60, null, 0, 0, 0, 0, PeriodType.unlimited, null, true,
                null, null, null, SchedulingType.collective, utc, List.of());
        EventTypeFacts roundRobin = new EventTypeFacts(1, 60, null, 0, 0, 0, 0, PeriodType.unlimited, null, true,
                null, null, null, SchedulingType.roundRobin, utc, List.of());

        assertThat(local(slots(collective, List.of(morning, lateMorning), "2026-10-26T00:00:00Z",
                "2026-10-27T00:00:00Z"), utc)).containsExactly("2026-10-26T10:00", "2026-10-26T11:00");
        assertThat(local(slots(roundRobin, List.of(morning, lateMorning), "2026-10-26T00:00:00Z",
                "2026-10-27T00:00:00Z"), utc)).containsExactly("2026-10-26T09:00", "2026-10-26T10:00",
                "2026-10-26T11:00", "2026-10-26T12:00");
        HostFacts fixedMorning = new HostFacts(1, true, utc, morning.weekly(), Map.of(), List.of(), List.of());
        assertThat(local(slots(roundRobin, List.of(fixedMorning, lateMorning), "2026-10-26T00:00:00Z",
                "2026-10-27T00:00:00Z"), utc)).as("a fixed host of a round robin must be free")
                .containsExactly("2026-10-26T10:00", "2026-10-26T11:00");
    }

    @Test
    void a_managed_template_itself_has_no_slots() {
        EventTypeFacts managed = new EventTypeFacts(1, 60, null, 0, 0, 0, 0, PeriodType.unlimited, null, true, null,
                null, null, SchedulingType.managed, ZoneId.of("UTC"), List.of());

        assertThat(slots(managed, new ArrayList<>(List.of(host(1, ZoneId.of("UTC"), WEEKDAYS, "09:00", "17:00"))),
                "2026-10-26T00:00:00Z", "2026-10-27T00:00:00Z")).isEmpty();
    }
    /** Issue 10: a calendar's busy time blocks a slot whose buffered range overlaps it, and only its own host's. */
    @Test
    void a_calendar_busy_time_blocks_every_slot_whose_buffers_reach_it_and_only_for_its_host() {
        EventTypeFacts buffered = new EventTypeFacts(1, 30, null, 0, 15, 30, 0, PeriodType.unlimited, null, true, null,
                null, null, null, ZoneId.of("UTC"), List.of());
        SlotInputs inputs = new SlotInputs(buffered, List.of(host(1, ZoneId.of("UTC"), WEEKDAYS, "09:00", "17:00")),
                List.of(), LONG_AGO).withCalendarBusy(Map.of(
                1, List.of(new Interval(Instant.parse("2026-10-27T12:00:00Z"), Instant.parse("2026-10-27T13:00:00Z"))),
                2, List.of(new Interval(Instant.parse("2026-10-27T09:00:00Z"), Instant.parse("2026-10-27T17:00:00Z")))));

        List<String> starts = local(SlotCalculator.freeStarts(inputs, Instant.parse("2026-10-27T00:00:00Z"),
                Instant.parse("2026-10-28T00:00:00Z"), 30), ZoneId.of("UTC"));

        assertThat(starts).as("11:00 ends, after its 30-minute buffer, as the event starts; 13:30 begins 15 minutes"
                        + " before its start, after the event")
                .contains("2026-10-27T09:00", "2026-10-27T11:00", "2026-10-27T13:30", "2026-10-27T16:30")
                .doesNotContain("2026-10-27T11:30", "2026-10-27T12:00", "2026-10-27T12:30", "2026-10-27T13:00");
        assertThat(local(slots(eventType(30), List.of(host(1, ZoneId.of("UTC"), WEEKDAYS, "09:00", "17:00")),
                "2026-10-27T00:00:00Z", "2026-10-28T00:00:00Z"), ZoneId.of("UTC")))
                .as("without the calendar every start is free").contains("2026-10-27T12:00");
    }
}
