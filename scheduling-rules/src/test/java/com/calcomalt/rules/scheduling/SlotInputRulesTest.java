package com.calcomalt.rules.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.rules.scheduling.SlotInputRules.HostRow;
import com.calcomalt.rules.scheduling.SlotInputRules.HostSeats;
import com.calcomalt.rules.scheduling.SlotInputRules.ScheduleRow;
import com.calcomalt.rules.scheduling.SlotInputRules.UserRow;
import com.calcomalt.rules.scheduling.SlotInputs.Busy;
import com.calcomalt.rules.scheduling.SlotInputs.HostFacts;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import com.calcomalt.rules.scheduling.SlotInputs.WeeklyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which schedule and zone a host's hours come from, and the zone of an event type's days. */
class SlotInputRulesTest {

    private static final int HOST = 7;
    private static final int HOSTS_OWN = 1;
    private static final int EVENT_TYPES = 2;
    private static final int DEFAULT = 3;

    private static final ScheduleRow HOSTS_OWN_SCHEDULE = schedule(HOSTS_OWN, "Asia/Tokyo");
    private static final ScheduleRow EVENT_TYPES_SCHEDULE = schedule(EVENT_TYPES, "America/New_York");
    private static final ScheduleRow DEFAULT_SCHEDULE = schedule(DEFAULT, "Europe/Berlin");
    private static final Map<Integer, ScheduleRow> ALL = Map.of(HOSTS_OWN, HOSTS_OWN_SCHEDULE,
            EVENT_TYPES, EVENT_TYPES_SCHEDULE, DEFAULT, DEFAULT_SCHEDULE);

    private static final UserRow USER = new UserRow(HOST, "Australia/Sydney", DEFAULT);

    /** Schedule n works n to n+8 o'clock on Mondays, so each is told apart by its hours. */
    private static ScheduleRow schedule(int id, String timeZone) {
        return new ScheduleRow(id, timeZone,
                List.of(new WeeklyHours(List.of(1), LocalTime.of(id, 0), LocalTime.of(id + 8, 0))),
                Map.of(LocalDate.of(2027, 1, id), List.of()));
    }

    private static HostRow host(Integer scheduleId) {
        return new HostRow(HOST, true, scheduleId);
    }

    @Test
    void the_hosts_own_schedule_comes_before_the_event_types_and_the_default() {
        assertThat(SlotInputRules.scheduleOf(host(HOSTS_OWN), EVENT_TYPES, USER, ALL)).contains(HOSTS_OWN_SCHEDULE);
    }

    @Test
    void without_one_of_their_own_a_host_works_by_the_event_types_schedule() {
        assertThat(SlotInputRules.scheduleOf(host(null), EVENT_TYPES, USER, ALL)).contains(EVENT_TYPES_SCHEDULE);
    }

    @Test
    void without_either_a_host_works_by_their_default_schedule() {
        assertThat(SlotInputRules.scheduleOf(host(null), null, USER, ALL)).contains(DEFAULT_SCHEDULE);
    }

    @Test
    void a_host_without_any_schedule_has_none() {
        assertThat(SlotInputRules.scheduleOf(host(null), null, new UserRow(HOST, "Europe/Paris", null), ALL)).isEmpty();
        assertThat(SlotInputRules.scheduleOf(host(null), null, null, ALL)).as("no user row").isEmpty();
    }

    @Test
    void a_deleted_schedule_counts_as_none_and_the_next_one_applies() {
        Map<Integer, ScheduleRow> withoutHostsOwn = Map.of(EVENT_TYPES, EVENT_TYPES_SCHEDULE, DEFAULT, DEFAULT_SCHEDULE);
        Map<Integer, ScheduleRow> onlyDefault = Map.of(DEFAULT, DEFAULT_SCHEDULE);

        assertThat(SlotInputRules.scheduleOf(host(HOSTS_OWN), EVENT_TYPES, USER, withoutHostsOwn))
                .contains(EVENT_TYPES_SCHEDULE);
        assertThat(SlotInputRules.scheduleOf(host(HOSTS_OWN), EVENT_TYPES, USER, onlyDefault)).contains(DEFAULT_SCHEDULE);
        assertThat(SlotInputRules.scheduleOf(host(HOSTS_OWN), EVENT_TYPES, USER, Map.of())).isEmpty();
    }

    @Test
    void hours_run_in_the_schedules_zone_else_the_users_else_utc() {
        assertThat(SlotInputRules.zoneOf(Optional.of(DEFAULT_SCHEDULE), USER)).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(SlotInputRules.zoneOf(Optional.of(schedule(DEFAULT, null)), USER))
                .isEqualTo(ZoneId.of("Australia/Sydney"));
        assertThat(SlotInputRules.zoneOf(Optional.empty(), USER)).isEqualTo(ZoneId.of("Australia/Sydney"));
        assertThat(SlotInputRules.zoneOf(Optional.empty(), new UserRow(HOST, null, null))).isEqualTo(ZoneId.of("UTC"));
        assertThat(SlotInputRules.zoneOf(Optional.empty(), null)).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void a_hosts_facts_carry_the_chosen_schedules_hours_and_zone_and_their_busy_times() {
        List<Busy> busy = List.of(new Busy(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), 4, Instant.EPOCH, 1));
        List<Interval> away = List.of(new Interval(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600)));

        HostFacts facts = SlotInputRules.hostFacts(new HostRow(HOST, false, null), EVENT_TYPES, USER, ALL, busy, away,
                HostSeats.NOT_SEAT_BILLED);

        assertThat(facts).isEqualTo(new HostFacts(HOST, false, ZoneId.of("America/New_York"),
                EVENT_TYPES_SCHEDULE.weekly(), EVENT_TYPES_SCHEDULE.overrides(), busy, away));
    }

    @Test
    void a_host_without_a_schedule_has_no_hours_in_their_own_zone() {
        HostFacts facts = SlotInputRules.hostFacts(host(null), null, new UserRow(HOST, "Europe/Paris", null), ALL,
                List.of(), List.of(), HostSeats.NOT_SEAT_BILLED);

        assertThat(facts.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(facts.weekly()).isEmpty();
        assertThat(facts.overrides()).isEmpty();
    }

    @Test
    void a_host_holding_no_seat_of_a_seat_billed_organization_has_no_hours_but_keeps_their_zone() {
        HostFacts facts = SlotInputRules.hostFacts(host(HOSTS_OWN), EVENT_TYPES, USER, ALL, List.of(), List.of(),
                HostSeats.seatBilledWith(Set.of(HOST + 1)));

        assertThat(facts.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(facts.weekly()).isEmpty();
        assertThat(facts.overrides()).isEmpty();
    }

    @Test
    void a_host_holding_a_seat_of_a_seat_billed_organization_keeps_their_hours() {
        HostFacts facts = SlotInputRules.hostFacts(host(HOSTS_OWN), EVENT_TYPES, USER, ALL, List.of(), List.of(),
                HostSeats.seatBilledWith(Set.of(HOST)));

        assertThat(facts.weekly()).isEqualTo(HOSTS_OWN_SCHEDULE.weekly());
        assertThat(facts.overrides()).isEqualTo(HOSTS_OWN_SCHEDULE.overrides());
    }

    @Test
    void where_seats_are_not_billed_every_host_hosts() {
        assertThat(HostSeats.NOT_SEAT_BILLED.mayHost(HOST)).isTrue();
        assertThat(new HostSeats(false, Set.of()).mayHost(HOST)).isTrue();
        assertThat(HostSeats.seatBilledWith(Set.of()).mayHost(HOST)).isFalse();
    }

    @Test
    void a_loader_fetches_every_schedule_the_choice_may_fall_to() {
        List<HostRow> hosts = List.of(host(HOSTS_OWN), new HostRow(8, false, null));
        Map<Integer, UserRow> users = Map.of(HOST, USER, 8, new UserRow(8, "UTC", null));

        assertThat(SlotInputRules.candidateSchedules(EVENT_TYPES, hosts, users))
                .containsExactlyInAnyOrder(HOSTS_OWN, EVENT_TYPES, DEFAULT);
        assertThat(SlotInputRules.candidateSchedules(null, List.of(new HostRow(8, false, null)), Map.of())).isEmpty();
    }

    @Test
    void an_event_types_days_run_in_its_locked_zone_else_its_own_else_its_owners_else_utc() {
        assertThat(SlotInputRules.eventTypeZone("Asia/Tokyo", "Europe/Berlin", "Europe/Paris"))
                .isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(SlotInputRules.eventTypeZone(null, "Europe/Berlin", "Europe/Paris"))
                .isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(SlotInputRules.eventTypeZone(null, null, "Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(SlotInputRules.eventTypeZone(null, null, null)).isEqualTo(ZoneId.of("UTC"));
    }
}
