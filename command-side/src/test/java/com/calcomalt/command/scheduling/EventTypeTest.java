package com.calcomalt.command.scheduling;

import static com.calcomalt.command.support.CallerCommands.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.command.support.PartialSettings;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.scheduling.AssignManagedEventType;
import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.contracts.scheduling.CreatePrivateLink;
import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.DeleteEventType;
import com.calcomalt.contracts.scheduling.EventTypeColumnsImported;
import com.calcomalt.contracts.scheduling.DeletePrivateLink;
import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputType;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputsSet;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.DropFormerMemberHost;
import com.calcomalt.contracts.scheduling.EventTypeHostsSet;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.HostAssignment;
import com.calcomalt.contracts.scheduling.ManagedEventTypeAssigned;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.PrivateLinkCreated;
import com.calcomalt.contracts.scheduling.PrivateLinkDeleted;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.SyncManagedEventType;
import com.calcomalt.contracts.scheduling.UpdateEventType;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");

    private static final int EVENT_TYPE = 70;
    private static final int PARENT = 80;
    private static final int CHILD = 81;
    private static final int SECOND_CHILD = 82;
    private static final int TEAM = 10;

    private static final int ANN_ID = 1;
    private static final int BOB_ID = 2;
    private static final int CARL_ID = 3;
    private static final int DORA_ID = 4;

    /** Ann owns the personal event types and runs the team, as each test says. */
    private static final Caller ANN = new Caller(ANN_ID, false, null);
    /** Bob is a stranger: no member of the team. */
    private static final Caller BOB = new Caller(BOB_ID, false, null);
    /** Carl is a member of the team and owns the child of the managed event type. */
    private static final Caller CARL = new Caller(CARL_ID, false, null);
    /** The system itself, as ManagedEventTypeSync sends its commands. */
    private static final Caller THE_SYSTEM = new Caller(0, true, null);

    /** The team's accepted members, Ann, Carl and Dora, with their membership ids. */
    private static final TeamMembers MEMBERS = new TeamMembers(Map.of(ANN_ID, 301, CARL_ID, 303, DORA_ID, 304));

    private AggregateTestFixture<EventType> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EventType.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- settings

    private static EventTypeSettings partial(Object... namesAndValues) {
        return PartialSettings.eventType(namesAndValues);
    }

    /** Complete settings as an event carries them: cal.com's defaults and the named fields. */
    private static EventTypeSettings complete(Object... namesAndValues) {
        return EventTypeFields.merge(EventTypeFields.DEFAULTS, partial(namesAndValues));
    }

    /** Complete settings: the given ones with the named fields changed. */
    private static EventTypeSettings changed(EventTypeSettings settings, Object... namesAndValues) {
        return EventTypeFields.merge(settings, partial(namesAndValues));
    }

    /** What a new event type says: a title, a slug and a length. */
    private static EventTypeSettings basics() {
        return partial("title", "30 min", "slug", "30min", "length", 30);
    }

    private static EventTypeSettings basicsAnd(Object... namesAndValues) {
        return changed(basics(), namesAndValues);
    }

    private static EventTypeSettings completeBasics() {
        return EventTypeFields.merge(EventTypeFields.DEFAULTS, basics());
    }

    /** cal.com's metadata.managedEventConfig.unlockedFields, with the named fields unlocked. */
    private static Map<String, Object> unlocking(String... fields) {
        Map<String, Object> unlocked = new LinkedHashMap<>();
        for (String field : fields) {
            unlocked.put(field, true);
        }
        return Map.of("managedEventConfig", Map.of("unlockedFields", unlocked));
    }

    // ---------------------------------------------------------------- commands and metadata

    private static CreateEventType createPersonal(EventTypeSettings settings) {
        return new CreateEventType(EVENT_TYPE, ANN_ID, null, null, settings, null, null);
    }

    private static CreateEventType createForTeam(SchedulingType type, EventTypeSettings settings,
                                                 List<HostAssignment> hosts) {
        return new CreateEventType(EVENT_TYPE, null, TEAM, type, settings, hosts, null);
    }

    private static HostAssignment host(int userId) {
        return new HostAssignment(userId, false, null, null, null);
    }

    /** The caller with their accepted role in the team (null: none), and the team's members. */
    private static MetaData inTeam(Caller caller, MembershipRole role) {
        return CallerMetaData.of(caller)
                .and(IdentityCommandFacts.ACCESS, new TeamAccess(caller, TEAM, false, null, role, role != null, null))
                .and(EventType.MEMBERS, MEMBERS);
    }

    private static MetaData teamAdmin() {
        return inTeam(ANN, MembershipRole.ADMIN);
    }

    // ---------------------------------------------------------------- history

    private static EventTypeCreated personalCreated() {
        return new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null, completeBasics(), EARLIER);
    }

    private static EventTypeCreated teamCreated(SchedulingType type) {
        return new EventTypeCreated(EVENT_TYPE, null, TEAM, null, type, completeBasics(), EARLIER);
    }

    private static EventTypeSettings parentSettings() {
        return complete("title", "Intro call", "slug", "intro", "length", 30, "description", "From the team",
                "metadata", unlocking("description"));
    }

    private static EventTypeCreated managedParentCreated() {
        return new EventTypeCreated(PARENT, null, TEAM, null, SchedulingType.managed, parentSettings(), EARLIER);
    }

    /** Carl's child of the managed event type, with a description of his own. */
    private static EventTypeSettings childSettings() {
        return changed(parentSettings(), "description", "Carl's own words");
    }

    private static EventTypeCreated childCreated() {
        return new EventTypeCreated(CHILD, CARL_ID, null, PARENT, null, childSettings(), EARLIER);
    }

    // ================================================================ CreateEventType: personal

    @Test
    void a_personal_event_type_is_created_with_cal_coms_defaults_for_what_it_does_not_say() {
        EventTypeSettings expected = new EventTypeSettings("30 min", "30min", null, 30, false, 0, null, null, null,
                PeriodType.unlimited, null, null, null, null, false, false, 120, 0, 0, null, null, false, true, null,
                null, null, null, null, null, 0, "usd", false, false, false, null, true, false, null, false, null, 0,
                false, false, false, false, false, false, null, null, null, null, null, false, false, false, false);
        assertThat(expected).isEqualTo(completeBasics());
        fixture.givenNoPriorActivity()
                .when(createPersonal(basics()), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null, expected, NOW));
    }

    @Test
    void what_a_new_event_type_says_overrides_the_defaults() {
        EventTypeSettings settings = basicsAnd("minimumBookingNotice", 0, "currency", "eur", "price", 50,
                "periodType", PeriodType.rolling, "periodDays", 14, "timeZone", "Europe/Berlin",
                "locations", List.of(Map.of("type", "integrations:daily")));
        fixture.givenNoPriorActivity()
                .when(createPersonal(settings), as(ANN))
                .expectEvents(new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null,
                        EventTypeFields.merge(EventTypeFields.DEFAULTS, settings), NOW));
    }

    @Test
    void a_system_admin_may_create_an_event_type_for_a_user() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basics()), as(THE_SYSTEM))
                .expectEvents(new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null, completeBasics(), NOW));
    }

    @Test
    void a_personal_event_type_with_custom_inputs_publishes_them_after_its_creation() {
        List<CustomInput> inputs = List.of(new CustomInput(1, "Company", true, EventTypeCustomInputType.text, "Acme",
                null), new CustomInput(2, "Size", false, EventTypeCustomInputType.radio, null,
                List.of(Map.of("label", "Small", "type", "radio"))));
        fixture.givenNoPriorActivity()
                .when(new CreateEventType(EVENT_TYPE, ANN_ID, null, null, basics(), List.of(), inputs), as(ANN))
                .expectEvents(new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null, completeBasics(), NOW),
                        new EventTypeCustomInputsSet(EVENT_TYPE, inputs, NOW));
    }

    @Test
    void a_paid_event_type_keeps_its_price_in_the_stripe_app_of_its_metadata() {
        Map<String, Object> stripe = Map.of("price", 5000, "currency", "eur", "paymentOption", "HOLD",
                "enabled", true, "refundPolicy", "days", "refundDaysCount", 2);
        EventTypeSettings settings = basicsAnd("metadata", Map.of("apps", Map.of("stripe", stripe)));
        fixture.givenNoPriorActivity()
                .when(createPersonal(settings), as(ANN))
                .expectEvents(new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null,
                        EventTypeFields.merge(EventTypeFields.DEFAULTS, settings), NOW));
    }

    @Test
    void a_paid_event_type_in_a_currency_iso_4217_does_not_know_is_rejected() {
        EventTypeSettings settings = basicsAnd("metadata", Map.of("apps", Map.of("stripe",
                Map.of("price", 5000, "currency", "xyz", "enabled", true))));
        fixture.givenNoPriorActivity()
                .when(createPersonal(settings), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'xyz' is not an ISO 4217 currency code");
    }

    @Test
    void a_negative_price_is_rejected_when_an_event_type_changes() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, basicsAnd("metadata", Map.of("apps", Map.of("stripe",
                        Map.of("price", -1, "currency", "usd", "enabled", true)))), null, null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("metadata.apps.stripe.price is 0 to 99999999 minor units, not -1");
    }

    @Test
    void a_payment_option_cal_com_does_not_have_is_rejected() {
        EventTypeSettings settings = basicsAnd("metadata", Map.of("apps", Map.of("stripe",
                Map.of("price", 100, "currency", "usd", "paymentOption", "LATER"))));
        fixture.givenNoPriorActivity()
                .when(createPersonal(settings), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("metadata.apps.stripe.paymentOption is ON_BOOKING or HOLD, not 'LATER'");
    }

    private static final Map<String, Object> PAID = Map.of("apps", Map.of("stripe",
            Map.of("price", 5000, "currency", "eur", "enabled", true)));

    @Test
    void a_seated_event_type_that_takes_payment_is_rejected_until_each_seat_pays_for_itself() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("seatsPerTimeSlot", 5, "metadata", PAID)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(EventTypeRules.PAID_SEATS)
                .expectNoEvents();
    }

    @Test
    void a_seated_event_type_with_a_stripe_app_that_is_not_enabled_is_created() {
        EventTypeSettings settings = basicsAnd("seatsPerTimeSlot", 5, "metadata", Map.of("apps", Map.of("stripe",
                Map.of("price", 5000, "currency", "eur", "enabled", false))));
        fixture.givenNoPriorActivity()
                .when(createPersonal(settings), as(ANN))
                .expectEvents(new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null,
                        EventTypeFields.merge(EventTypeFields.DEFAULTS, settings), NOW));
    }

    @Test
    void enabling_payment_on_a_seated_event_type_is_rejected() {
        fixture.given(personalCreated(), new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null,
                        changed(completeBasics(), "seatsPerTimeSlot", 5), EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, partial("metadata", PAID), null, null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(EventTypeRules.PAID_SEATS)
                .expectNoEvents();
    }

    @Test
    void giving_seats_to_a_paid_event_type_is_rejected() {
        fixture.given(personalCreated(), new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null,
                        changed(completeBasics(), "metadata", PAID), EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, partial("seatsPerTimeSlot", 3), null, null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(EventTypeRules.PAID_SEATS)
                .expectNoEvents();
    }

    @Test
    void a_custom_input_without_a_label_is_rejected() {
        List<CustomInput> inputs = List.of(new CustomInput(1, " ", true, EventTypeCustomInputType.text, null, null));
        fixture.givenNoPriorActivity()
                .when(new CreateEventType(EVENT_TYPE, ANN_ID, null, null, basics(), null, inputs), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A custom input has a label and a type")
                .expectNoEvents();
    }

    @Test
    void a_custom_input_without_a_type_is_rejected() {
        List<CustomInput> inputs = List.of(new CustomInput(1, "Company", true, null, null, null));
        fixture.givenNoPriorActivity()
                .when(new CreateEventType(EVENT_TYPE, ANN_ID, null, null, basics(), null, inputs), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_personal_event_type_with_a_scheduling_type_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateEventType(EVENT_TYPE, ANN_ID, null, SchedulingType.roundRobin, basics(), null, null),
                        as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Only a team's event type has a scheduling type and hosts")
                .expectNoEvents();
    }

    @Test
    void a_personal_event_type_with_hosts_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateEventType(EVENT_TYPE, ANN_ID, null, null, basics(), List.of(host(CARL_ID)), null),
                        as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Only a team's event type has a scheduling type and hosts")
                .expectNoEvents();
    }

    @Test
    void an_event_type_for_someone_else_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basics()), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_event_type_without_a_caller_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basics()), MetaData.emptyInstance())
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_event_type_of_neither_a_user_nor_a_team_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateEventType(EVENT_TYPE, null, null, null, basics(), null, null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An event type belongs to a user or to a team")
                .expectNoEvents();
    }

    @Test
    void an_event_type_of_both_a_user_and_a_team_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateEventType(EVENT_TYPE, ANN_ID, TEAM, SchedulingType.roundRobin, basics(), null, null),
                        teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An event type belongs to a user or to a team")
                .expectNoEvents();
    }

    // ================================================================ CreateEventType: settings rules

    private void creatingIsRejected(EventTypeSettings settings) {
        fixture.givenNoPriorActivity()
                .when(createPersonal(settings), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_event_type_without_settings_is_rejected_for_lack_of_a_title() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An event type's title has 1 to 255 characters")
                .expectNoEvents();
    }

    @Test
    void a_blank_title_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("title", "   ")), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An event type's title has 1 to 255 characters")
                .expectNoEvents();
    }

    @Test
    void a_slug_with_capitals_or_spaces_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("slug", "30 Min")), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A slug is lower-case letters and digits in words joined by '-', such as"
                        + " '30min'; '30 Min' is not")
                .expectNoEvents();
    }

    @Test
    void a_slug_that_starts_with_a_dash_is_rejected() {
        creatingIsRejected(basicsAnd("slug", "-30min"));
    }

    @Test
    void a_length_of_zero_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("length", 0)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An event lasts at least a minute, not 0")
                .expectNoEvents();
    }

    @Test
    void a_seated_event_that_requires_confirmation_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("seatsPerTimeSlot", 5, "requiresConfirmation", true)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A seated event cannot require confirmation")
                .expectNoEvents();
    }

    @Test
    void a_seated_event_without_seats_is_rejected() {
        creatingIsRejected(basicsAnd("seatsPerTimeSlot", 0));
    }

    @Test
    void a_negative_buffer_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("beforeEventBuffer", -5)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("beforeEventBuffer is not negative")
                .expectNoEvents();
    }

    @Test
    void a_negative_minimum_booking_notice_is_rejected() {
        creatingIsRejected(basicsAnd("minimumBookingNotice", -1));
    }

    @Test
    void a_negative_price_is_rejected() {
        creatingIsRejected(basicsAnd("price", -100));
    }

    @Test
    void a_slot_interval_of_zero_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("slotInterval", 0)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Slots start at least a minute apart, not 0")
                .expectNoEvents();
    }

    @Test
    void a_rolling_period_without_days_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("periodType", PeriodType.rolling)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A rolling period names how many days ahead it reaches")
                .expectNoEvents();
    }

    @Test
    void a_rolling_window_period_without_days_is_rejected() {
        creatingIsRejected(basicsAnd("periodType", PeriodType.rolling_window));
    }

    @Test
    void a_range_period_that_starts_after_it_ends_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("periodType", PeriodType.range, "periodStartDate",
                        NOW.plus(Duration.ofDays(10)), "periodEndDate", NOW.plus(Duration.ofDays(3)))), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A period range starts before it ends")
                .expectNoEvents();
    }

    @Test
    void a_range_period_without_an_end_is_rejected() {
        creatingIsRejected(basicsAnd("periodType", PeriodType.range, "periodStartDate", NOW));
    }

    @Test
    void a_range_period_that_starts_before_it_ends_is_accepted() {
        EventTypeSettings settings = basicsAnd("periodType", PeriodType.range, "periodStartDate", NOW,
                "periodEndDate", NOW.plus(Duration.ofDays(30)));
        fixture.givenNoPriorActivity()
                .when(createPersonal(settings), as(ANN))
                .expectEvents(new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null,
                        EventTypeFields.merge(EventTypeFields.DEFAULTS, settings), NOW));
    }

    @Test
    void an_unknown_time_zone_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("timeZone", "Europe/Atlantis")), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("'Europe/Atlantis' is not an IANA time zone")
                .expectNoEvents();
    }

    @Test
    void an_unknown_locked_time_zone_is_rejected() {
        creatingIsRejected(basicsAnd("lockedTimeZone", "Nowhere/Special"));
    }

    // ================================================================ CreateEventType: team

    @Test
    void a_round_robin_event_type_of_a_team_publishes_its_hosts_with_their_memberships() {
        List<HostAssignment> hosts = List.of(new HostAssignment(CARL_ID, true, 2, 100, 55),
                new HostAssignment(DORA_ID, false, null, null, null));
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(), hosts), teamAdmin())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventTypeCreated(EVENT_TYPE, null, TEAM, null, SchedulingType.roundRobin,
                                completeBasics(), NOW),
                        new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                                new Host(CARL_ID, 303, true, 2, 100, 55, NOW),
                                new Host(DORA_ID, 304, false, null, null, null, NOW)), NOW));
    }

    @Test
    void a_team_event_type_without_hosts_publishes_only_its_creation() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(), null), inTeam(ANN, MembershipRole.OWNER))
                .expectEvents(new EventTypeCreated(EVENT_TYPE, null, TEAM, null, SchedulingType.roundRobin,
                        completeBasics(), NOW));
    }

    @Test
    void every_host_of_a_collective_event_type_is_fixed() {
        List<HostAssignment> hosts = List.of(host(CARL_ID), new HostAssignment(DORA_ID, true, null, null, null));
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.collective, basics(), hosts), teamAdmin())
                .expectEvents(new EventTypeCreated(EVENT_TYPE, null, TEAM, null, SchedulingType.collective,
                                completeBasics(), NOW),
                        new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                                new Host(CARL_ID, 303, true, null, null, null, NOW),
                                new Host(DORA_ID, 304, true, null, null, null, NOW)), NOW));
    }

    @Test
    void assigning_all_team_members_makes_every_member_a_host_after_the_named_ones() {
        EventTypeSettings settings = basicsAnd("assignAllTeamMembers", true);
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, settings,
                        List.of(new HostAssignment(CARL_ID, true, 4, null, null))), teamAdmin())
                .expectEvents(new EventTypeCreated(EVENT_TYPE, null, TEAM, null, SchedulingType.roundRobin,
                                EventTypeFields.merge(EventTypeFields.DEFAULTS, settings), NOW),
                        new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                                new Host(CARL_ID, 303, true, 4, null, null, NOW),
                                new Host(ANN_ID, 301, false, null, null, null, NOW),
                                new Host(DORA_ID, 304, false, null, null, null, NOW)), NOW));
    }

    /** Ann holds no seat of the seat-billed organization that bills the team. */
    private static MetaData seatlessAnn() {
        return teamAdmin().and(EventType.MEMBERS, new TeamMembers(MEMBERS.membershipByUser(), Set.of(ANN_ID)));
    }

    @Test
    void a_member_without_a_seat_of_a_seat_billed_organization_cannot_host() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(), List.of(host(CARL_ID), host(ANN_ID))),
                        seatlessAnn())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("User " + ANN_ID + " holds no seat of the organization billing team 10 and"
                        + " cannot host its event types")
                .expectNoEvents();
    }

    @Test
    void assigning_all_team_members_leaves_out_those_without_a_seat() {
        EventTypeSettings settings = basicsAnd("assignAllTeamMembers", true);
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, settings, List.of()), seatlessAnn())
                .expectEvents(new EventTypeCreated(EVENT_TYPE, null, TEAM, null, SchedulingType.roundRobin,
                                EventTypeFields.merge(EventTypeFields.DEFAULTS, settings), NOW),
                        new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                                new Host(CARL_ID, 303, false, null, null, null, NOW),
                                new Host(DORA_ID, 304, false, null, null, null, NOW)), NOW));
    }

    @Test
    void a_managed_event_type_is_not_assigned_to_a_member_without_a_seat() {
        fixture.given(managedParentCreated())
                .when(new AssignManagedEventType(PARENT, List.of(ANN_ID), List.of(CHILD)), seatlessAnn())
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_host_who_is_not_an_accepted_member_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(), List.of(host(CARL_ID), host(BOB_ID))),
                        teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("User 2 is not an accepted member of team 10 and cannot host")
                .expectNoEvents();
    }

    @Test
    void a_host_priority_above_four_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(),
                        List.of(new HostAssignment(CARL_ID, false, 5, null, null))), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A host's priority is 0 (lowest) to 4 (highest)")
                .expectNoEvents();
    }

    @Test
    void a_negative_host_priority_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(),
                        List.of(new HostAssignment(CARL_ID, false, -1, null, null))), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_negative_host_weight_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(),
                        List.of(new HostAssignment(CARL_ID, false, null, -1, null))), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A host's weight is not negative")
                .expectNoEvents();
    }

    @Test
    void a_managed_event_type_is_created_without_hosts() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.managed, basicsAnd("assignAllTeamMembers", true), null),
                        teamAdmin())
                .expectEvents(new EventTypeCreated(EVENT_TYPE, null, TEAM, null, SchedulingType.managed,
                        complete("title", "30 min", "slug", "30min", "length", 30, "assignAllTeamMembers", true),
                        NOW));
    }

    @Test
    void a_managed_event_type_with_hosts_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.managed, basics(), List.of(host(CARL_ID))), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A MANAGED event type has no hosts; assign it to members instead")
                .expectNoEvents();
    }

    @Test
    void a_team_event_type_without_a_scheduling_type_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(null, basics(), null), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A team's event type is ROUND_ROBIN, COLLECTIVE or MANAGED")
                .expectNoEvents();
    }

    @Test
    void a_team_event_type_of_a_team_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(), null), as(ANN))
                .expectException(NotFound.class)
                .expectExceptionMessage("No team 10")
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_create_a_team_event_type() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(), null), inTeam(CARL, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void someone_outside_the_team_cannot_create_its_event_types() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(), null), inTeam(BOB, null))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_event_type_with_custom_inputs_publishes_hosts_then_inputs() {
        List<CustomInput> inputs = List.of(new CustomInput(1, "Agenda", false, EventTypeCustomInputType.textLong,
                null, null));
        fixture.givenNoPriorActivity()
                .when(new CreateEventType(EVENT_TYPE, null, TEAM, SchedulingType.roundRobin, basics(),
                        List.of(host(CARL_ID)), inputs), teamAdmin())
                .expectEvents(new EventTypeCreated(EVENT_TYPE, null, TEAM, null, SchedulingType.roundRobin,
                                completeBasics(), NOW),
                        new EventTypeHostsSet(EVENT_TYPE, TEAM,
                                List.of(new Host(CARL_ID, 303, false, null, null, null, NOW)), NOW),
                        new EventTypeCustomInputsSet(EVENT_TYPE, inputs, NOW));
    }

    // ================================================================ UpdateEventType

    @Test
    void changing_settings_publishes_the_whole_settings_with_the_owner() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, partial("title", "45 min", "length", 45), null, null), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null,
                        complete("title", "45 min", "slug", "30min", "length", 45), NOW));
    }

    @Test
    void an_imported_event_type_with_the_columns_only_cal_com_sets_changes_as_any_other() {
        fixture.given(personalCreated(), new EventTypeColumnsImported(EVENT_TYPE, true, null, false, null, 90, null,
                        false, false, null, List.of("lang"), true, false, false, true, false, null, false, false, true,
                        false, EARLIER, List.of()))
                .when(new UpdateEventType(EVENT_TYPE, partial("title", "45 min", "length", 45), null, null), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null,
                        complete("title", "45 min", "slug", "30min", "length", 45), NOW));
    }

    @Test
    void changes_build_on_the_settings_of_earlier_updates() {
        EventTypeSettings earlier = changed(completeBasics(), "description", "Earlier");
        fixture.given(personalCreated(), new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null, earlier, EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, partial("hidden", true), null, null), as(ANN))
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null,
                        changed(earlier, "hidden", true), NOW));
    }

    @Test
    void clearing_a_setting_publishes_it_as_null_and_keeps_the_others() {
        EventTypeSettings earlier = changed(completeBasics(), "description", "Earlier", "slotInterval", 15);
        fixture.given(personalCreated(), new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null, earlier, EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, partial("hidden", true), null, null, Set.of("description")),
                        as(ANN))
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null,
                        changed(completeBasics(), "slotInterval", 15, "hidden", true), NOW));
    }

    @Test
    void clearing_what_is_already_null_publishes_nothing() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, null, null, null, Set.of("description", "slotInterval")),
                        as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_child_cannot_clear_a_field_its_parent_locks() {
        EventTypeSettings followed = changed(childSettings(), "slotInterval", 15);
        fixture.given(childCreated(), new EventTypeUpdated(CHILD, CARL_ID, null, PARENT, followed, EARLIER))
                .when(new UpdateEventType(CHILD, null, null, null, Set.of("slotInterval")), as(CARL))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 81 is managed by event type 80; it locks [slotInterval]")
                .expectNoEvents();
    }

    @Test
    void changing_a_team_event_type_publishes_the_team() {
        fixture.given(teamCreated(SchedulingType.roundRobin))
                .when(new UpdateEventType(EVENT_TYPE, partial("length", 60), null, null), teamAdmin())
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, null, TEAM, null,
                        changed(completeBasics(), "length", 60), NOW));
    }

    @Test
    void updating_with_nothing_new_publishes_nothing() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, partial("title", "30 min", "length", 30), null, null), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_empty_update_publishes_nothing() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, null, null, null), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changing_to_settings_that_break_a_rule_is_rejected() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, partial("slotInterval", 0), null, null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void replacing_hosts_keeps_the_creation_time_of_a_host_who_stays() {
        fixture.given(teamCreated(SchedulingType.roundRobin), new EventTypeHostsSet(EVENT_TYPE, TEAM,
                        List.of(new Host(CARL_ID, 303, false, null, null, null, EARLIER),
                                new Host(ANN_ID, 301, false, null, null, null, EARLIER)), EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, null, List.of(new HostAssignment(CARL_ID, true, 3, 10, null),
                        host(DORA_ID)), null), teamAdmin())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                        new Host(CARL_ID, 303, true, 3, 10, null, EARLIER),
                        new Host(DORA_ID, 304, false, null, null, null, NOW)), NOW));
    }

    @Test
    void a_former_member_stops_hosting_and_the_other_hosts_keep_their_places() {
        fixture.given(teamCreated(SchedulingType.roundRobin), new EventTypeHostsSet(EVENT_TYPE, TEAM,
                        List.of(new Host(CARL_ID, 303, true, 3, null, null, EARLIER),
                                new Host(ANN_ID, 301, false, null, null, null, EARLIER),
                                new Host(DORA_ID, 304, false, 1, 10, null, EARLIER)), EARLIER))
                .when(new DropFormerMemberHost(EVENT_TYPE, ANN_ID))
                .expectEvents(new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                        new Host(CARL_ID, 303, true, 3, null, null, EARLIER),
                        new Host(DORA_ID, 304, false, 1, 10, null, EARLIER)), NOW));
    }

    @Test
    void a_former_member_who_hosted_nothing_changes_nothing() {
        fixture.given(teamCreated(SchedulingType.roundRobin), new EventTypeHostsSet(EVENT_TYPE, TEAM,
                        List.of(new Host(CARL_ID, 303, false, null, null, null, EARLIER)), EARLIER))
                .when(new DropFormerMemberHost(EVENT_TYPE, ANN_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void replacing_hosts_with_the_same_hosts_publishes_nothing() {
        fixture.given(teamCreated(SchedulingType.roundRobin), new EventTypeHostsSet(EVENT_TYPE, TEAM,
                        List.of(new Host(CARL_ID, 303, true, 2, null, null, EARLIER)), EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, null, List.of(new HostAssignment(CARL_ID, true, 2, null, null)),
                        null), teamAdmin())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removing_every_host_publishes_an_empty_list() {
        fixture.given(teamCreated(SchedulingType.roundRobin), new EventTypeHostsSet(EVENT_TYPE, TEAM,
                        List.of(new Host(CARL_ID, 303, false, null, null, null, EARLIER)), EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, null, List.of(), null), teamAdmin())
                .expectEvents(new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(), NOW));
    }

    @Test
    void replacing_hosts_with_someone_outside_the_team_is_rejected() {
        fixture.given(teamCreated(SchedulingType.roundRobin))
                .when(new UpdateEventType(EVENT_TYPE, null, List.of(host(BOB_ID)), null), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void turning_on_assign_all_team_members_with_hosts_adds_every_other_member_as_a_host() {
        fixture.given(teamCreated(SchedulingType.roundRobin), new EventTypeHostsSet(EVENT_TYPE, TEAM,
                        List.of(new Host(CARL_ID, 303, false, null, null, null, EARLIER)), EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, partial("assignAllTeamMembers", true),
                        List.of(new HostAssignment(CARL_ID, true, null, null, null)), null), teamAdmin())
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, null, TEAM, null,
                                changed(completeBasics(), "assignAllTeamMembers", true), NOW),
                        new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                                new Host(CARL_ID, 303, true, null, null, null, EARLIER),
                                new Host(ANN_ID, 301, false, null, null, null, NOW),
                                new Host(DORA_ID, 304, false, null, null, null, NOW)), NOW));
    }

    @Test
    void turning_on_assign_all_team_members_alone_adds_every_member_and_keeps_the_hosts_settings() {
        fixture.given(teamCreated(SchedulingType.roundRobin), new EventTypeHostsSet(EVENT_TYPE, TEAM,
                        List.of(new Host(CARL_ID, 303, true, 4, 10, null, EARLIER)), EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, partial("assignAllTeamMembers", true), null, null), teamAdmin())
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, null, TEAM, null,
                                changed(completeBasics(), "assignAllTeamMembers", true), NOW),
                        new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                                new Host(CARL_ID, 303, true, 4, 10, null, EARLIER),
                                new Host(ANN_ID, 301, false, null, null, null, NOW),
                                new Host(DORA_ID, 304, false, null, null, null, NOW)), NOW));
    }

    @Test
    void the_same_hosts_in_another_order_change_nothing() {
        fixture.given(teamCreated(SchedulingType.roundRobin), new EventTypeHostsSet(EVENT_TYPE, TEAM, List.of(
                        new Host(CARL_ID, 303, false, null, null, null, EARLIER),
                        new Host(DORA_ID, 304, false, null, null, null, EARLIER)), EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, null, List.of(host(DORA_ID), host(CARL_ID)), null), teamAdmin())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void hosts_for_a_personal_event_type_are_rejected() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, null, List.of(host(CARL_ID)), null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Only a team's event type has hosts")
                .expectNoEvents();
    }

    @Test
    void replacing_custom_inputs_publishes_all_of_them() {
        List<CustomInput> before = List.of(new CustomInput(1, "Company", true, EventTypeCustomInputType.text, null,
                null));
        List<CustomInput> after = List.of(new CustomInput(1, "Company", false, EventTypeCustomInputType.text, null,
                null), new CustomInput(2, "Phone", true, EventTypeCustomInputType.phone, null, null));
        fixture.given(personalCreated(), new EventTypeCustomInputsSet(EVENT_TYPE, before, EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, null, null, after), as(ANN))
                .expectEvents(new EventTypeCustomInputsSet(EVENT_TYPE, after, NOW));
    }

    @Test
    void replacing_custom_inputs_with_the_same_ones_publishes_nothing() {
        List<CustomInput> inputs = List.of(new CustomInput(1, "Company", true, EventTypeCustomInputType.text, null,
                null));
        fixture.given(personalCreated(), new EventTypeCustomInputsSet(EVENT_TYPE, inputs, EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, null, null, List.copyOf(inputs)), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void replacing_custom_inputs_with_one_without_a_label_is_rejected() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, null, null,
                        List.of(new CustomInput(1, null, true, EventTypeCustomInputType.text, null, null))), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_stranger_cannot_update_a_personal_event_type() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, partial("title", "Mine now"), null, null), as(BOB))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only user 1 changes event type 70")
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_update_a_team_event_type() {
        fixture.given(teamCreated(SchedulingType.roundRobin))
                .when(new UpdateEventType(EVENT_TYPE, partial("title", "Ours"), null, null),
                        inTeam(CARL, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_event_type_whose_team_is_gone_is_not_found() {
        fixture.given(teamCreated(SchedulingType.roundRobin))
                .when(new UpdateEventType(EVENT_TYPE, partial("title", "Ours"), null, null), as(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_child_may_change_a_field_its_parent_unlocked() {
        fixture.given(childCreated())
                .when(new UpdateEventType(CHILD, partial("description", "Carl's better words"), null, null), as(CARL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventTypeUpdated(CHILD, CARL_ID, null, PARENT,
                        changed(childSettings(), "description", "Carl's better words"), NOW));
    }

    @Test
    void a_child_cannot_change_a_field_its_parent_locks() {
        fixture.given(childCreated())
                .when(new UpdateEventType(CHILD, partial("description", "Mine", "length", 60), null, null), as(CARL))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 81 is managed by event type 80; it locks [length]")
                .expectNoEvents();
    }

    @Test
    void a_child_may_send_a_locked_field_unchanged() {
        fixture.given(childCreated())
                .when(new UpdateEventType(CHILD, partial("length", 30), null, null), as(CARL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ================================================================ schedules an event type works by

    private static final int ANNS_SCHEDULE = 501;
    private static final int BOBS_SCHEDULE = 502;
    private static final int CARLS_SCHEDULE = 503;

    /** The schedules that exist now, by owner. */
    private static MetaData withSchedules(MetaData metaData, Map<Integer, Integer> ownerBySchedule) {
        return metaData.and(EventType.SCHEDULE_OWNERS, new ScheduleOwners(ownerBySchedule));
    }

    private static MetaData annWithSchedules() {
        return withSchedules(as(ANN), Map.of(ANNS_SCHEDULE, ANN_ID, BOBS_SCHEDULE, BOB_ID));
    }

    @Test
    void a_personal_event_type_works_by_a_schedule_of_its_owner() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("scheduleId", ANNS_SCHEDULE)), annWithSchedules())
                .expectEvents(new EventTypeCreated(EVENT_TYPE, ANN_ID, null, null, null,
                        changed(completeBasics(), "scheduleId", ANNS_SCHEDULE), NOW));
    }

    @Test
    void a_personal_event_type_on_another_users_schedule_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createPersonal(basicsAnd("scheduleId", BOBS_SCHEDULE)), annWithSchedules())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Schedule 502 is not one of user 1's schedules")
                .expectNoEvents();
    }

    @Test
    void an_event_type_on_a_schedule_that_does_not_exist_is_rejected() {
        fixture.given(personalCreated())
                .when(new UpdateEventType(EVENT_TYPE, partial("scheduleId", 999), null, null), annWithSchedules())
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_change_after_its_schedule_was_deleted_publishes_the_settings_without_it() {
        EventTypeSettings onSchedule = changed(completeBasics(), "scheduleId", ANNS_SCHEDULE);
        fixture.given(personalCreated(), new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null, onSchedule, EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, partial("title", "Renamed"), null, null),
                        withSchedules(as(ANN), Map.of()))
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null,
                        changed(completeBasics(), "title", "Renamed"), NOW));
    }

    @Test
    void a_change_keeps_a_schedule_that_still_exists() {
        EventTypeSettings onSchedule = changed(completeBasics(), "scheduleId", ANNS_SCHEDULE);
        fixture.given(personalCreated(), new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null, onSchedule, EARLIER))
                .when(new UpdateEventType(EVENT_TYPE, partial("title", "Renamed"), null, null), annWithSchedules())
                .expectEvents(new EventTypeUpdated(EVENT_TYPE, ANN_ID, null, null,
                        changed(onSchedule, "title", "Renamed"), NOW));
    }

    @Test
    void a_team_event_type_works_by_a_members_schedule_and_its_hosts_by_their_own() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.collective, basicsAnd("scheduleId", CARLS_SCHEDULE),
                                List.of(new HostAssignment(CARL_ID, true, null, null, CARLS_SCHEDULE))),
                        withSchedules(teamAdmin(), Map.of(CARLS_SCHEDULE, CARL_ID, ANNS_SCHEDULE, ANN_ID)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_team_event_type_on_a_non_members_schedule_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.collective, basicsAnd("scheduleId", BOBS_SCHEDULE), null),
                        withSchedules(teamAdmin(), Map.of(BOBS_SCHEDULE, BOB_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Schedule 502 is not one of the team's members' schedules")
                .expectNoEvents();
    }

    @Test
    void a_host_on_someone_elses_schedule_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.collective, basics(),
                                List.of(new HostAssignment(CARL_ID, true, null, null, ANNS_SCHEDULE))),
                        withSchedules(teamAdmin(), Map.of(CARLS_SCHEDULE, CARL_ID, ANNS_SCHEDULE, ANN_ID)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Schedule 501 is not one of host 3's schedules")
                .expectNoEvents();
    }

    // ================================================================ DeleteEventType

    @Test
    void the_owner_deletes_a_personal_event_type() {
        fixture.given(personalCreated())
                .when(new DeleteEventType(EVENT_TYPE), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventTypeDeleted(EVENT_TYPE, ANN_ID, null, null, NOW));
    }

    @Test
    void a_stranger_cannot_delete_a_personal_event_type() {
        fixture.given(personalCreated())
                .when(new DeleteEventType(EVENT_TYPE), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_admin_deletes_a_team_event_type() {
        fixture.given(teamCreated(SchedulingType.collective))
                .when(new DeleteEventType(EVENT_TYPE), teamAdmin())
                .expectEvents(new EventTypeDeleted(EVENT_TYPE, null, TEAM, null, NOW));
    }

    @Test
    void a_plain_member_cannot_delete_a_team_event_type() {
        fixture.given(teamCreated(SchedulingType.collective))
                .when(new DeleteEventType(EVENT_TYPE), inTeam(CARL, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void the_system_deletes_a_child_and_names_its_parent() {
        fixture.given(childCreated())
                .when(new DeleteEventType(CHILD), as(THE_SYSTEM))
                .expectEvents(new EventTypeDeleted(CHILD, CARL_ID, null, PARENT, NOW));
    }

    // ================================================================ AssignManagedEventType

    @Test
    void assigning_a_managed_event_type_gives_each_member_a_child_with_the_parents_settings() {
        fixture.given(managedParentCreated())
                .when(new AssignManagedEventType(PARENT, List.of(CARL_ID, DORA_ID), List.of(CHILD, SECOND_CHILD)),
                        teamAdmin())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagedEventTypeAssigned(PARENT, CARL_ID, CHILD, NOW),
                        new EventTypeCreated(CHILD, CARL_ID, null, PARENT, null, parentSettings(), NOW),
                        new ManagedEventTypeAssigned(PARENT, DORA_ID, SECOND_CHILD, NOW),
                        new EventTypeCreated(SECOND_CHILD, DORA_ID, null, PARENT, null, parentSettings(), NOW));
    }

    @Test
    void a_child_follows_the_parents_settings_as_they_are_now() {
        EventTypeSettings now = changed(parentSettings(), "length", 45);
        fixture.given(managedParentCreated(), new EventTypeUpdated(PARENT, null, TEAM, null, now, EARLIER))
                .when(new AssignManagedEventType(PARENT, List.of(CARL_ID), List.of(CHILD)), teamAdmin())
                .expectEvents(new ManagedEventTypeAssigned(PARENT, CARL_ID, CHILD, NOW),
                        new EventTypeCreated(CHILD, CARL_ID, null, PARENT, null, now, NOW));
    }

    @Test
    void a_member_who_has_a_child_already_is_skipped() {
        fixture.given(managedParentCreated(), new ManagedEventTypeAssigned(PARENT, CARL_ID, CHILD, EARLIER))
                .when(new AssignManagedEventType(PARENT, List.of(CARL_ID, DORA_ID), List.of(SECOND_CHILD)),
                        teamAdmin())
                .expectEvents(new ManagedEventTypeAssigned(PARENT, DORA_ID, SECOND_CHILD, NOW),
                        new EventTypeCreated(SECOND_CHILD, DORA_ID, null, PARENT, null, parentSettings(), NOW));
    }

    @Test
    void assigning_only_members_who_have_children_publishes_nothing() {
        fixture.given(managedParentCreated(), new ManagedEventTypeAssigned(PARENT, CARL_ID, CHILD, EARLIER))
                .when(new AssignManagedEventType(PARENT, List.of(CARL_ID), List.of()), teamAdmin())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void assigning_to_someone_who_is_not_an_accepted_member_is_rejected() {
        fixture.given(managedParentCreated())
                .when(new AssignManagedEventType(PARENT, List.of(CARL_ID, BOB_ID), List.of(CHILD, SECOND_CHILD)),
                        teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("User 2 is not an accepted member of team 10")
                .expectNoEvents();
    }

    @Test
    void assigning_an_event_type_that_is_not_managed_is_rejected() {
        fixture.given(teamCreated(SchedulingType.roundRobin))
                .when(new AssignManagedEventType(EVENT_TYPE, List.of(CARL_ID), List.of(CHILD)), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 is not MANAGED")
                .expectNoEvents();
    }

    @Test
    void assigning_without_an_id_for_every_new_child_is_rejected() {
        fixture.given(managedParentCreated())
                .when(new AssignManagedEventType(PARENT, List.of(CARL_ID, DORA_ID), List.of(CHILD)), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An id is needed for each new child event type")
                .expectNoEvents();
    }

    @Test
    void assigning_without_child_ids_is_rejected() {
        fixture.given(managedParentCreated())
                .when(new AssignManagedEventType(PARENT, List.of(CARL_ID), null), teamAdmin())
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_assign_a_managed_event_type() {
        fixture.given(managedParentCreated())
                .when(new AssignManagedEventType(PARENT, List.of(CARL_ID), List.of(CHILD)),
                        inTeam(CARL, MembershipRole.MEMBER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ================================================================ SyncManagedEventType

    @Test
    void a_child_follows_what_its_parent_locks_and_keeps_what_it_may_change() {
        Instant changedAt = NOW.minusSeconds(5);
        EventTypeSettings parentNow = changed(parentSettings(), "title", "Intro chat", "length", 45,
                "description", "The team's new words");
        fixture.given(childCreated())
                .when(new SyncManagedEventType(CHILD, parentNow, changedAt), as(THE_SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventTypeUpdated(CHILD, CARL_ID, null, PARENT,
                        changed(parentNow, "description", "Carl's own words"), changedAt));
    }

    @Test
    void a_field_the_parent_now_unlocks_stays_as_the_child_has_it() {
        EventTypeSettings parentNow = changed(parentSettings(), "length", 45, "description", "New",
                "metadata", unlocking("description", "length"));
        EventTypeSettings childBefore = changed(childSettings(), "length", 20);
        fixture.given(new EventTypeCreated(CHILD, CARL_ID, null, PARENT, null, childBefore, EARLIER))
                .when(new SyncManagedEventType(CHILD, parentNow, NOW), as(THE_SYSTEM))
                .expectEvents(new EventTypeUpdated(CHILD, CARL_ID, null, PARENT,
                        changed(parentNow, "description", "Carl's own words", "length", 20), NOW));
    }

    @Test
    void syncing_when_only_unlocked_fields_differ_publishes_nothing() {
        EventTypeSettings parentNow = changed(parentSettings(), "description", "The team's new words");
        fixture.given(childCreated())
                .when(new SyncManagedEventType(CHILD, parentNow, NOW), as(THE_SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void syncing_an_event_type_without_a_parent_is_rejected() {
        fixture.given(personalCreated())
                .when(new SyncManagedEventType(EVENT_TYPE, completeBasics(), NOW), as(THE_SYSTEM))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 has no parent to follow")
                .expectNoEvents();
    }

    // ================================================================ private links

    @Test
    void a_private_link_may_be_used_once_unless_it_says_otherwise() {
        fixture.given(personalCreated())
                .when(new CreatePrivateLink(EVENT_TYPE, 5, "a1b2c3", null, null), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PrivateLinkCreated(EVENT_TYPE, 5, "a1b2c3", null, 1, NOW));
    }

    @Test
    void a_private_link_id_is_used_once() {
        fixture.given(personalCreated(), new PrivateLinkCreated(EVENT_TYPE, 5, "a1b2c3", null, 1, EARLIER))
                .when(new CreatePrivateLink(EVENT_TYPE, 5, "d4e5f6", null, null), as(ANN))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void assigning_a_personal_event_type_is_rejected_as_not_managed() {
        fixture.given(personalCreated())
                .when(new AssignManagedEventType(EVENT_TYPE, List.of(CARL_ID), List.of(CHILD)), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Event type 70 is not MANAGED")
                .expectNoEvents();
    }

    @Test
    void team_access_to_another_team_does_not_count() {
        fixture.givenNoPriorActivity()
                .when(createForTeam(SchedulingType.roundRobin, basics(), null), CallerMetaData.of(ANN)
                        .and(IdentityCommandFacts.ACCESS, new TeamAccess(ANN, TEAM + 1, false, null,
                                MembershipRole.OWNER, true, null))
                        .and(EventType.MEMBERS, MEMBERS))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_private_link_keeps_its_expiry_and_usage_count() {
        Instant expiresAt = NOW.plus(Duration.ofDays(7));
        fixture.given(personalCreated())
                .when(new CreatePrivateLink(EVENT_TYPE, 5, "a1b2c3", expiresAt, 10), as(ANN))
                .expectEvents(new PrivateLinkCreated(EVENT_TYPE, 5, "a1b2c3", expiresAt, 10, NOW));
    }

    @Test
    void an_admin_creates_a_private_link_of_a_team_event_type() {
        fixture.given(teamCreated(SchedulingType.roundRobin))
                .when(new CreatePrivateLink(EVENT_TYPE, 5, "a1b2c3", null, 3), teamAdmin())
                .expectEvents(new PrivateLinkCreated(EVENT_TYPE, 5, "a1b2c3", null, 3, NOW));
    }

    @Test
    void a_private_link_that_expired_already_is_rejected() {
        fixture.given(personalCreated())
                .when(new CreatePrivateLink(EVENT_TYPE, 5, "a1b2c3", NOW.minusSeconds(1), null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_private_link_that_expires_right_now_is_rejected() {
        fixture.given(personalCreated())
                .when(new CreatePrivateLink(EVENT_TYPE, 5, "a1b2c3", NOW, null), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_private_link_that_may_never_be_used_is_rejected() {
        fixture.given(personalCreated())
                .when(new CreatePrivateLink(EVENT_TYPE, 5, "a1b2c3", null, 0), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A private link may be used at least once")
                .expectNoEvents();
    }

    @Test
    void a_stranger_cannot_create_a_private_link() {
        fixture.given(personalCreated())
                .when(new CreatePrivateLink(EVENT_TYPE, 5, "a1b2c3", null, null), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void the_owner_deletes_a_private_link() {
        fixture.given(personalCreated(), new PrivateLinkCreated(EVENT_TYPE, 5, "a1b2c3", null, 1, EARLIER))
                .when(new DeletePrivateLink(EVENT_TYPE, 5), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PrivateLinkDeleted(EVENT_TYPE, 5, NOW));
    }

    @Test
    void deleting_an_unknown_private_link_is_not_found() {
        fixture.given(personalCreated(), new PrivateLinkCreated(EVENT_TYPE, 5, "a1b2c3", null, 1, EARLIER))
                .when(new DeletePrivateLink(EVENT_TYPE, 6), as(ANN))
                .expectException(NotFound.class)
                .expectExceptionMessage("Event type 70 has no private link 6")
                .expectNoEvents();
    }

    @Test
    void deleting_a_private_link_twice_is_not_found() {
        fixture.given(personalCreated(), new PrivateLinkCreated(EVENT_TYPE, 5, "a1b2c3", null, 1, EARLIER),
                        new PrivateLinkDeleted(EVENT_TYPE, 5, EARLIER))
                .when(new DeletePrivateLink(EVENT_TYPE, 5), as(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_stranger_cannot_delete_a_private_link() {
        fixture.given(personalCreated(), new PrivateLinkCreated(EVENT_TYPE, 5, "a1b2c3", null, 1, EARLIER))
                .when(new DeletePrivateLink(EVENT_TYPE, 5), as(BOB))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }
}
