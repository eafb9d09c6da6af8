package com.calcomalt.command.calendar;

import static com.calcomalt.command.support.CallerCommands.as;

import com.calcomalt.command.calendar.CalendarCredential.EventTypeOwner;
import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.calendar.CalendarConnected;
import com.calcomalt.contracts.calendar.CalendarCredentialInvalidated;
import com.calcomalt.contracts.calendar.CalendarDeselected;
import com.calcomalt.contracts.calendar.CalendarDisconnected;
import com.calcomalt.contracts.calendar.CalendarSelected;
import com.calcomalt.contracts.calendar.ConnectCalendar;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.calendar.DeselectCalendar;
import com.calcomalt.contracts.calendar.DisconnectCalendar;
import com.calcomalt.contracts.calendar.InvalidateCalendarCredential;
import com.calcomalt.contracts.calendar.SelectCalendar;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalendarCredentialTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final int CREDENTIAL = 41;
    private static final int TEAM = 10;
    private static final int EVENT_TYPE = 70;
    /** The web layer seals the login before the command; to the aggregate it is opaque text. */
    private static final String SEALED = "v1:c2VhbGVkIGxvZ2lu";
    private static final String TYPE = "caldav_calendar";
    private static final String APP = "caldav-calendar";
    private static final String WORK = "http://dav.example.com/ann/work/";
    private static final String HOLIDAYS = "http://dav.example.com/ann/holidays/";
    private static final List<ConnectedCalendar> CALENDARS = List.of(
            new ConnectedCalendar(WORK, "Work", false, "ann@example.com"),
            new ConnectedCalendar(HOLIDAYS, "Holidays", true, null));

    private static final Caller ANN = new Caller(1, false, null);
    private static final Caller BOB = new Caller(2, false, null);
    private static final Caller ADMIN = new Caller(99, true, null);

    private AggregateTestFixture<CalendarCredential> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CalendarCredential.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MetaData inTeam(Caller caller, MembershipRole role) {
        return as(caller).and(IdentityCommandFacts.ACCESS,
                new TeamAccess(caller, TEAM, false, null, role, role != null, null));
    }

    private static CalendarConnected annsConnected() {
        return new CalendarConnected(CREDENTIAL, TYPE, APP, ANN.userId(), null, SEALED, CALENDARS, EARLIER);
    }

    private static CalendarConnected teamsConnected() {
        return new CalendarConnected(CREDENTIAL, TYPE, APP, null, TEAM, SEALED, CALENDARS, EARLIER);
    }

    private static CalendarSelected annSelectedWork() {
        return new CalendarSelected(CREDENTIAL, "sel-1", ANN.userId(), TYPE, WORK, null, EARLIER);
    }

    // ================================================================ connect

    @Test
    void a_user_connects_their_calendar_account() {
        fixture.givenNoPriorActivity()
                .when(new ConnectCalendar(CREDENTIAL, TYPE, APP, ANN.userId(), null, SEALED, CALENDARS), as(ANN))
                .expectEvents(new CalendarConnected(CREDENTIAL, TYPE, APP, ANN.userId(), null, SEALED, CALENDARS, NOW));
    }

    @Test
    void a_team_admin_connects_the_teams_account() {
        fixture.givenNoPriorActivity()
                .when(new ConnectCalendar(CREDENTIAL, TYPE, APP, null, TEAM, SEALED, CALENDARS),
                        inTeam(ANN, MembershipRole.ADMIN))
                .expectEvents(new CalendarConnected(CREDENTIAL, TYPE, APP, null, TEAM, SEALED, CALENDARS, NOW));
    }

    @Test
    void a_plain_team_member_cannot_connect_the_teams_account() {
        fixture.givenNoPriorActivity()
                .when(new ConnectCalendar(CREDENTIAL, TYPE, APP, null, TEAM, SEALED, CALENDARS),
                        inTeam(ANN, MembershipRole.MEMBER))
                .expectException(AccessDenied.class);
    }

    @Test
    void an_account_for_someone_else_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ConnectCalendar(CREDENTIAL, TYPE, APP, ANN.userId(), null, SEALED, CALENDARS), as(BOB))
                .expectException(AccessDenied.class);
    }

    @Test
    void an_account_without_a_caller_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ConnectCalendar(CREDENTIAL, TYPE, APP, ANN.userId(), null, SEALED, CALENDARS))
                .expectException(AccessDenied.class);
    }

    @Test
    void an_account_of_both_a_user_and_a_team_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ConnectCalendar(CREDENTIAL, TYPE, APP, ANN.userId(), TEAM, SEALED, CALENDARS), as(ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A calendar account belongs to one user or one team");
    }

    @Test
    void an_account_without_calendars_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ConnectCalendar(CREDENTIAL, TYPE, APP, ANN.userId(), null, SEALED, List.of()), as(ANN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The account has no calendar to connect");
    }

    // ================================================================ invalidate

    @Test
    void the_system_marks_a_refused_login_invalid() {
        fixture.given(annsConnected())
                .when(new InvalidateCalendarCredential(CREDENTIAL, "401 Unauthorized"))
                .expectEvents(new CalendarCredentialInvalidated(CREDENTIAL, ANN.userId(), null, "401 Unauthorized", NOW));
    }

    @Test
    void an_invalid_login_is_marked_once() {
        fixture.given(annsConnected(), new CalendarCredentialInvalidated(CREDENTIAL, ANN.userId(), null, "401", EARLIER))
                .when(new InvalidateCalendarCredential(CREDENTIAL, "401 again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_mark_a_login_invalid() {
        fixture.given(annsConnected())
                .when(new InvalidateCalendarCredential(CREDENTIAL, "because"), as(ANN))
                .expectException(AccessDenied.class);
    }

    // ================================================================ disconnect

    @Test
    void the_owner_disconnects_an_account() {
        fixture.given(annsConnected())
                .when(new DisconnectCalendar(CREDENTIAL), as(ANN))
                .expectEvents(new CalendarDisconnected(CREDENTIAL, TYPE, APP, ANN.userId(), null, false, NOW));
    }

    @Test
    void someone_else_cannot_disconnect_an_account() {
        fixture.given(annsConnected())
                .when(new DisconnectCalendar(CREDENTIAL), as(BOB))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_disconnected_account_is_gone() {
        fixture.given(annsConnected(), new CalendarDisconnected(CREDENTIAL, TYPE, APP, ANN.userId(), null, false, EARLIER))
                .when(new DisconnectCalendar(CREDENTIAL), as(ANN))
                .expectException(AggregateDeletedException.class);
    }

    // ================================================================ select

    @Test
    void the_owner_selects_a_calendar_for_conflicts() {
        fixture.given(annsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-1", ANN.userId(), WORK, null), as(ANN))
                .expectEvents(new CalendarSelected(CREDENTIAL, "sel-1", ANN.userId(), TYPE, WORK, null, NOW));
    }

    @Test
    void a_read_only_calendar_can_count_for_conflicts() {
        fixture.given(annsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-2", ANN.userId(), HOLIDAYS, null), as(ANN))
                .expectEvents(new CalendarSelected(CREDENTIAL, "sel-2", ANN.userId(), TYPE, HOLIDAYS, null, NOW));
    }

    @Test
    void selecting_a_calendar_again_keeps_the_first_selection() {
        fixture.given(annsConnected(), annSelectedWork())
                .when(new SelectCalendar(CREDENTIAL, "sel-9", ANN.userId(), WORK, null), as(ANN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_calendar_is_selected_for_one_event_type() {
        fixture.given(annsConnected(), annSelectedWork())
                .when(new SelectCalendar(CREDENTIAL, "sel-3", ANN.userId(), WORK, EVENT_TYPE),
                        as(ANN).and(CalendarCredential.EVENT_TYPE_OWNER, new EventTypeOwner(ANN.userId(), null)))
                .expectEvents(new CalendarSelected(CREDENTIAL, "sel-3", ANN.userId(), TYPE, WORK, EVENT_TYPE, NOW));
    }

    @Test
    void a_selection_for_an_unknown_event_type_is_refused() {
        fixture.given(annsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-3", ANN.userId(), WORK, EVENT_TYPE), as(ANN))
                .expectException(NotFound.class)
                .expectExceptionMessage("No event type with id 70");
    }

    @Test
    void a_selection_for_someone_elses_event_type_is_refused() {
        fixture.given(annsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-3", ANN.userId(), WORK, EVENT_TYPE),
                        as(ANN).and(CalendarCredential.EVENT_TYPE_OWNER, new EventTypeOwner(BOB.userId(), null)))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void a_calendar_the_account_does_not_have_is_not_found() {
        fixture.given(annsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-1", ANN.userId(), "http://dav.example.com/bob/", null), as(ANN))
                .expectException(NotFound.class);
    }

    @Test
    void someone_elses_account_cannot_be_selected() {
        fixture.given(annsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-1", BOB.userId(), WORK, null), as(BOB))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_users_account_counts_only_for_that_user() {
        fixture.given(annsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-1", BOB.userId(), WORK, null), as(ADMIN))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void a_team_admin_selects_a_team_calendar_for_themselves() {
        fixture.given(teamsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-1", ANN.userId(), WORK, null), inTeam(ANN, MembershipRole.ADMIN))
                .expectEvents(new CalendarSelected(CREDENTIAL, "sel-1", ANN.userId(), TYPE, WORK, null, NOW));
    }

    @Test
    void a_team_admin_cannot_select_a_team_calendar_for_another_member() {
        fixture.given(teamsConnected())
                .when(new SelectCalendar(CREDENTIAL, "sel-1", BOB.userId(), WORK, null), inTeam(ANN, MembershipRole.ADMIN))
                .expectException(AccessDenied.class);
    }

    // ================================================================ deselect

    @Test
    void the_owner_deselects_a_calendar() {
        fixture.given(annsConnected(), annSelectedWork())
                .when(new DeselectCalendar(CREDENTIAL, ANN.userId(), WORK, null), as(ANN))
                .expectEvents(new CalendarDeselected(CREDENTIAL, "sel-1", ANN.userId(), TYPE, WORK, null, NOW));
    }

    @Test
    void a_calendar_that_is_not_selected_cannot_be_deselected() {
        fixture.given(annsConnected(), annSelectedWork())
                .when(new DeselectCalendar(CREDENTIAL, ANN.userId(), WORK, EVENT_TYPE), as(ANN))
                .expectException(NotFound.class);
    }

    @Test
    void someone_else_cannot_deselect_a_calendar() {
        fixture.given(annsConnected(), annSelectedWork())
                .when(new DeselectCalendar(CREDENTIAL, ANN.userId(), WORK, null), as(BOB))
                .expectException(AccessDenied.class);
    }
}
