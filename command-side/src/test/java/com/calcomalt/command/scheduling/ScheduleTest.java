package com.calcomalt.command.scheduling;

import static com.calcomalt.command.scheduling.Schedule.FACTS;
import static com.calcomalt.command.support.CallerCommands.as;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CreateSchedule;
import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.DateOverridesSet;
import com.calcomalt.contracts.scheduling.DeleteSchedule;
import com.calcomalt.contracts.scheduling.ScheduleCreated;
import com.calcomalt.contracts.scheduling.ScheduleDeleted;
import com.calcomalt.contracts.scheduling.ScheduleMadeDefault;
import com.calcomalt.contracts.scheduling.ScheduleRenamed;
import com.calcomalt.contracts.scheduling.ScheduleTimeZoneChanged;
import com.calcomalt.contracts.scheduling.UpdateSchedule;
import com.calcomalt.contracts.scheduling.WeeklyAvailabilitySet;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");

    private static final int SCHEDULE = 50;
    private static final int ANN_ID = 1;

    /** Ann owns the schedules. */
    private static final Caller ANN = new Caller(ANN_ID, false, null);
    /** Bob is someone else. */
    private static final Caller BOB = new Caller(2, false, null);
    /** A system administrator may act as anyone. */
    private static final Caller SYSTEM_ADMIN = new Caller(99, true, null);

    private static final LocalDate DAY = LocalDate.of(2026, 4, 6);
    private static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;

    private AggregateTestFixture<Schedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Schedule.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- values

    private static LocalTime at(int hour) {
        return LocalTime.of(hour, 0);
    }

    /** Monday to Friday, 9 to 17, as cal.com's default hours. */
    private static List<WeeklyRange> workingHours(int availabilityId) {
        return List.of(new WeeklyRange(availabilityId, List.of(1, 2, 3, 4, 5), at(9), at(17)));
    }

    private static List<DateOverride> shortDay(int availabilityId) {
        return List.of(new DateOverride(availabilityId, DAY, at(10), at(12)));
    }

    // ---------------------------------------------------------------- commands and metadata

    private static CreateSchedule create(String name, String timeZone, List<WeeklyRange> weekly,
                                         List<DateOverride> overrides, boolean makeDefault) {
        return new CreateSchedule(SCHEDULE, ANN_ID, name, timeZone, weekly, overrides, makeDefault);
    }

    private static CreateSchedule create(List<WeeklyRange> weekly, List<DateOverride> overrides) {
        return create("Working hours", "Europe/Berlin", weekly, overrides, false);
    }

    /** Ann has no schedule yet. */
    private static ScheduleFacts firstSchedule() {
        return new ScheduleFacts(null, List.of());
    }

    /** Ann's default is schedule 7, and she has 7 and 8 besides the one addressed. */
    private static ScheduleFacts anotherIsDefault() {
        return new ScheduleFacts(7, List.of(7, 8));
    }

    /** The addressed schedule is Ann's default. */
    private static ScheduleFacts thisIsDefault(List<Integer> others) {
        return new ScheduleFacts(SCHEDULE, others);
    }

    // ---------------------------------------------------------------- history

    private static ScheduleCreated created() {
        return new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin", workingHours(500),
                shortDay(600), EARLIER);
    }

    // ================================================================ CreateSchedule

    @Test
    void a_users_first_schedule_becomes_their_default_even_without_asking() {
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), shortDay(600)), as(ANN, FACTS, firstSchedule()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin",
                                workingHours(500), shortDay(600), NOW),
                        new ScheduleMadeDefault(SCHEDULE, ANN_ID, NOW));
    }

    @Test
    void a_schedule_created_without_facts_becomes_the_default() {
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), List.of()), CallerMetaData.of(ANN))
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin",
                                workingHours(500), List.of(), NOW),
                        new ScheduleMadeDefault(SCHEDULE, ANN_ID, NOW));
    }

    @Test
    void a_second_schedule_without_make_default_is_only_created() {
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), shortDay(600)), as(ANN, FACTS, anotherIsDefault()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin",
                        workingHours(500), shortDay(600), NOW));
    }

    @Test
    void a_second_schedule_with_make_default_is_created_and_made_the_default() {
        fixture.givenNoPriorActivity()
                .when(create("Evenings", "America/New_York", workingHours(500), List.of(), true),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Evenings", "America/New_York",
                                workingHours(500), List.of(), NOW),
                        new ScheduleMadeDefault(SCHEDULE, ANN_ID, NOW));
    }

    @Test
    void a_schedule_without_hours_or_overrides_is_created_with_empty_lists() {
        fixture.givenNoPriorActivity()
                .when(create(null, null), as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin", List.of(),
                        List.of(), NOW));
    }

    @Test
    void a_system_admin_may_create_a_schedule_for_a_user() {
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), List.of()), as(SYSTEM_ADMIN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin",
                        workingHours(500), List.of(), NOW));
    }

    @Test
    void someone_else_cannot_create_a_schedule_for_a_user() {
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), List.of()), as(BOB, FACTS, firstSchedule()))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_schedule_cannot_be_created_without_a_caller() {
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), List.of()), MetaData.with(FACTS, firstSchedule()))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_api_key_cannot_create_a_users_schedule() {
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), List.of()), as(new Caller(ANN_ID, false, 10), FACTS, firstSchedule()))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_schedule_with_a_blank_name_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create("  ", "Europe/Berlin", workingHours(500), List.of(), false),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A schedule's name has 1 to 255 characters")
                .expectNoEvents();
    }

    @Test
    void a_schedule_with_a_name_longer_than_255_characters_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create("x".repeat(256), "Europe/Berlin", workingHours(500), List.of(), false),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_schedule_in_an_unknown_time_zone_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create("Working hours", "Europe/Atlantis", workingHours(500), List.of(), false),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'Europe/Atlantis' is not an IANA time zone")
                .expectNoEvents();
    }

    @Test
    void a_weekly_range_whose_start_is_not_before_its_end_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(new WeeklyRange(500, List.of(1), at(17), at(9))), List.of()),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A range starts before it ends; 17:00-09:00 on days [1] does not")
                .expectNoEvents();
    }

    @Test
    void a_weekly_range_that_ends_when_it_starts_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(new WeeklyRange(500, List.of(1), at(9), at(9))), List.of()),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void weekly_ranges_that_overlap_on_a_shared_day_are_rejected() {
        List<WeeklyRange> overlapping = List.of(new WeeklyRange(500, List.of(1, 2), at(9), at(13)),
                new WeeklyRange(501, List.of(2, 3), at(12), at(17)));
        fixture.givenNoPriorActivity()
                .when(create(overlapping, List.of()), as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Ranges on Tuesday overlap: 09:00-13:00 and 12:00-17:00")
                .expectNoEvents();
    }

    @Test
    void weekly_ranges_that_overlap_in_hours_on_different_days_are_accepted() {
        List<WeeklyRange> apart = List.of(new WeeklyRange(500, List.of(1), at(9), at(13)),
                new WeeklyRange(501, List.of(2), at(12), at(17)));
        fixture.givenNoPriorActivity()
                .when(create(apart, List.of()), as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin", apart,
                        List.of(), NOW));
    }

    @Test
    void weekly_ranges_that_touch_on_the_same_day_are_accepted() {
        List<WeeklyRange> touching = List.of(new WeeklyRange(500, List.of(1), at(9), at(12)),
                new WeeklyRange(501, List.of(1), at(12), at(17)));
        fixture.givenNoPriorActivity()
                .when(create(touching, List.of()), as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin", touching,
                        List.of(), NOW));
    }

    @Test
    void a_weekly_range_on_a_day_after_saturday_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(new WeeklyRange(500, List.of(5, 7), at(9), at(17))), List.of()),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A weekly range names days from 0 (Sunday) to 6 (Saturday)")
                .expectNoEvents();
    }

    @Test
    void a_weekly_range_on_a_negative_day_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(new WeeklyRange(500, List.of(-1), at(9), at(17))), List.of()),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_weekly_range_without_days_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(List.of(new WeeklyRange(500, List.of(), at(9), at(17))), List.of()),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void date_overrides_with_overlapping_hours_are_rejected() {
        List<DateOverride> overlapping = List.of(new DateOverride(600, DAY, at(9), at(12)),
                new DateOverride(601, DAY, at(11), at(14)));
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), overlapping), as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Ranges on 2026-04-06 overlap: 09:00-12:00 and 11:00-14:00")
                .expectNoEvents();
    }

    @Test
    void a_date_override_whose_start_is_after_its_end_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), List.of(new DateOverride(600, DAY, at(14), at(10)))),
                        as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_unavailable_date_with_hours_on_the_same_date_is_rejected() {
        List<DateOverride> mixed = List.of(new DateOverride(600, DAY, MIDNIGHT, MIDNIGHT),
                new DateOverride(601, DAY, at(10), at(12)));
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), mixed), as(ANN, FACTS, firstSchedule()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("2026-04-06 is either unavailable or has hours, not both")
                .expectNoEvents();
    }

    @Test
    void a_date_marked_unavailable_is_accepted() {
        List<DateOverride> dayOff = List.of(new DateOverride(600, DAY, MIDNIGHT, MIDNIGHT),
                new DateOverride(601, DAY.plusDays(1), at(10), at(12)));
        fixture.givenNoPriorActivity()
                .when(create(workingHours(500), dayOff), as(ANN, FACTS, anotherIsDefault()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleCreated(SCHEDULE, ANN_ID, "Working hours", "Europe/Berlin",
                        workingHours(500), dayOff, NOW));
    }

    // ================================================================ UpdateSchedule

    @Test
    void renaming_a_schedule_publishes_the_new_name() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, "Summer hours", null, null, null, null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleRenamed(SCHEDULE, ANN_ID, "Summer hours", NOW));
    }

    @Test
    void changing_the_time_zone_publishes_it() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, "Asia/Tokyo", null, null, null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleTimeZoneChanged(SCHEDULE, ANN_ID, "Asia/Tokyo", NOW));
    }

    @Test
    void replacing_the_weekly_ranges_publishes_all_of_them() {
        List<WeeklyRange> mornings = List.of(new WeeklyRange(510, List.of(1, 3), at(8), at(12)),
                new WeeklyRange(511, List.of(0), at(10), at(11)));
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, null, mornings, null, null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new WeeklyAvailabilitySet(SCHEDULE, ANN_ID, mornings, NOW));
    }

    @Test
    void clearing_the_weekly_ranges_publishes_an_empty_list() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, null, List.of(), null, null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new WeeklyAvailabilitySet(SCHEDULE, ANN_ID, List.of(), NOW));
    }

    @Test
    void replacing_the_date_overrides_publishes_all_of_them() {
        List<DateOverride> dayOff = List.of(new DateOverride(610, DAY.plusDays(3), MIDNIGHT, MIDNIGHT));
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, null, null, dayOff, null), as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new DateOverridesSet(SCHEDULE, ANN_ID, dayOff, NOW));
    }

    @Test
    void making_a_schedule_the_default_publishes_it() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, null, null, null, true), as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleMadeDefault(SCHEDULE, ANN_ID, NOW));
    }

    @Test
    void making_the_default_schedule_the_default_again_publishes_nothing() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, null, null, null, true),
                        as(ANN, FACTS, thisIsDefault(List.of(7))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void make_default_false_publishes_nothing() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, null, null, null, false), as(ANN, FACTS, anotherIsDefault()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changing_everything_at_once_publishes_each_change_in_order() {
        List<WeeklyRange> mornings = List.of(new WeeklyRange(510, List.of(1), at(8), at(12)));
        List<DateOverride> dayOff = List.of(new DateOverride(610, DAY, MIDNIGHT, MIDNIGHT));
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, "Mornings", "Asia/Tokyo", mornings, dayOff, true),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleRenamed(SCHEDULE, ANN_ID, "Mornings", NOW),
                        new ScheduleTimeZoneChanged(SCHEDULE, ANN_ID, "Asia/Tokyo", NOW),
                        new WeeklyAvailabilitySet(SCHEDULE, ANN_ID, mornings, NOW),
                        new DateOverridesSet(SCHEDULE, ANN_ID, dayOff, NOW),
                        new ScheduleMadeDefault(SCHEDULE, ANN_ID, NOW));
    }

    @Test
    void updating_with_the_same_values_publishes_nothing_even_when_the_range_ids_are_new() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, "Working hours", "Europe/Berlin", workingHours(900),
                        shortDay(901), null), as(ANN, FACTS, anotherIsDefault()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_update_after_earlier_changes_compares_with_the_latest_values() {
        List<WeeklyRange> mornings = List.of(new WeeklyRange(510, List.of(1), at(8), at(12)));
        fixture.given(created(), new ScheduleRenamed(SCHEDULE, ANN_ID, "Mornings", EARLIER),
                        new ScheduleTimeZoneChanged(SCHEDULE, ANN_ID, "Asia/Tokyo", EARLIER),
                        new WeeklyAvailabilitySet(SCHEDULE, ANN_ID, mornings, EARLIER),
                        new DateOverridesSet(SCHEDULE, ANN_ID, List.of(), EARLIER))
                .when(new UpdateSchedule(SCHEDULE, "Mornings", "Asia/Tokyo",
                        List.of(new WeeklyRange(520, List.of(1), at(8), at(12))), List.of(), null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void someone_else_cannot_update_the_schedule() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, "Bob's now", null, null, null, null),
                        as(BOB, FACTS, anotherIsDefault()))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_system_admin_may_update_a_users_schedule() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, "Summer hours", null, null, null, null),
                        as(SYSTEM_ADMIN, FACTS, anotherIsDefault()))
                .expectEvents(new ScheduleRenamed(SCHEDULE, ANN_ID, "Summer hours", NOW));
    }

    @Test
    void renaming_to_a_blank_name_is_rejected() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, "", null, null, null, null), as(ANN, FACTS, anotherIsDefault()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void changing_to_an_unknown_time_zone_is_rejected() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, "Mars/Olympus", null, null, null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'Mars/Olympus' is not an IANA time zone")
                .expectNoEvents();
    }

    @Test
    void replacing_weekly_ranges_with_overlapping_ones_is_rejected() {
        List<WeeklyRange> overlapping = List.of(new WeeklyRange(510, List.of(4), at(8), at(12)),
                new WeeklyRange(511, List.of(4), at(11), at(13)));
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, null, overlapping, null, null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Ranges on Thursday overlap: 08:00-12:00 and 11:00-13:00")
                .expectNoEvents();
    }

    @Test
    void replacing_overrides_with_an_unavailable_date_that_also_has_hours_is_rejected() {
        List<DateOverride> mixed = List.of(new DateOverride(610, DAY, at(10), at(11)),
                new DateOverride(611, DAY, MIDNIGHT, MIDNIGHT));
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, null, null, null, mixed, null), as(ANN, FACTS, anotherIsDefault()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_valid_rename_is_not_published_when_another_part_of_the_update_is_invalid() {
        fixture.given(created())
                .when(new UpdateSchedule(SCHEDULE, "Summer hours", "Europe/Atlantis", null, null, null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ================================================================ DeleteSchedule

    @Test
    void deleting_a_schedule_that_is_not_the_default_names_no_new_default() {
        fixture.given(created())
                .when(new DeleteSchedule(SCHEDULE), as(ANN, FACTS, anotherIsDefault()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleDeleted(SCHEDULE, ANN_ID, null, NOW));
    }

    @Test
    void deleting_the_default_schedule_makes_the_users_smallest_other_schedule_the_default() {
        fixture.given(created())
                .when(new DeleteSchedule(SCHEDULE), as(ANN, FACTS, thisIsDefault(List.of(80, 12, 33))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScheduleDeleted(SCHEDULE, ANN_ID, 12, NOW));
    }

    @Test
    void the_users_only_schedule_which_is_their_default_cannot_be_deleted() {
        fixture.given(created())
                .when(new DeleteSchedule(SCHEDULE), as(ANN, FACTS, thisIsDefault(List.of())))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Schedule 50 is the user's only schedule and their default; it stays")
                .expectNoEvents();
    }

    @Test
    void someone_else_cannot_delete_the_schedule() {
        fixture.given(created())
                .when(new DeleteSchedule(SCHEDULE), as(BOB, FACTS, anotherIsDefault()))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_deleted_schedule_cannot_be_updated() {
        fixture.given(created(), new ScheduleDeleted(SCHEDULE, ANN_ID, null, EARLIER))
                .when(new UpdateSchedule(SCHEDULE, "Back again", null, null, null, null),
                        as(ANN, FACTS, anotherIsDefault()))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void an_override_without_a_date_is_a_rule_violation_not_a_crash() {
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(10, 1, "Work", "Europe/Berlin", List.of(),
                        List.of(new DateOverride(3, null, LocalTime.of(9, 0), LocalTime.of(10, 0))), false),
                        CallerMetaData.of(new Caller(1, false, null)).and(FACTS, new ScheduleFacts(null, List.of())))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
