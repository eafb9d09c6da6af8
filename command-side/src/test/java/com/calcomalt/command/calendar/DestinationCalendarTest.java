package com.calcomalt.command.calendar;

import com.calcomalt.command.calendar.CalendarCredential.EventTypeOwner;
import com.calcomalt.command.calendar.DestinationCalendar.CredentialFacts;
import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.calendar.DestinationCalendarSet;
import com.calcomalt.contracts.calendar.SetDestinationCalendar;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DestinationCalendarTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");
    private static final int CREDENTIAL = 41;
    private static final int TEAM = 10;
    private static final int EVENT_TYPE = 70;
    private static final String TYPE = "caldav_calendar";
    private static final String WORK = "http://dav.example.com/ann/work/";
    private static final String HOME = "http://dav.example.com/ann/home/";
    private static final String HOLIDAYS = "http://dav.example.com/ann/holidays/";
    private static final List<ConnectedCalendar> CALENDARS = List.of(
            new ConnectedCalendar(WORK, "Work", false, "ann@example.com"),
            new ConnectedCalendar(HOME, "Home", false, null),
            new ConnectedCalendar(HOLIDAYS, "Holidays", true, null));

    private static final Caller ANN = new Caller(1, false, null);
    private static final Caller BOB = new Caller(2, false, null);

    private AggregateTestFixture<DestinationCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DestinationCalendar.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MetaData annsAccount(Caller caller, boolean invalid) {
        return CallerMetaData.of(caller).and(DestinationCalendar.CREDENTIAL,
                new CredentialFacts(CREDENTIAL, ANN.userId(), null, TYPE, invalid, CALENDARS));
    }

    private static MetaData forTeamEventType(Caller caller, MembershipRole role) {
        return annsAccount(caller, false)
                .and(CalendarCredential.EVENT_TYPE_OWNER, new EventTypeOwner(null, TEAM))
                .and(IdentityCommandFacts.ACCESS, new TeamAccess(caller, TEAM, false, null, role, role != null, null));
    }

    private static DestinationCalendarSet annsWork() {
        return new DestinationCalendarSet(5, ANN.userId(), null, TYPE, WORK, CREDENTIAL, "ann@example.com", EARLIER);
    }

    @Test
    void a_user_chooses_where_their_bookings_go() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, ANN.userId(), null, CREDENTIAL, WORK), annsAccount(ANN, false))
                .expectEvents(new DestinationCalendarSet(5, ANN.userId(), null, TYPE, WORK, CREDENTIAL,
                        "ann@example.com", NOW));
    }

    @Test
    void a_changed_destination_keeps_its_row() {
        fixture.given(annsWork())
                .when(new SetDestinationCalendar(6, ANN.userId(), null, CREDENTIAL, HOME), annsAccount(ANN, false))
                .expectEvents(new DestinationCalendarSet(5, ANN.userId(), null, TYPE, HOME, CREDENTIAL, null, NOW));
    }

    @Test
    void the_same_destination_again_changes_nothing() {
        fixture.given(annsWork())
                .when(new SetDestinationCalendar(6, ANN.userId(), null, CREDENTIAL, WORK), annsAccount(ANN, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_read_only_calendar_cannot_receive_bookings() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, ANN.userId(), null, CREDENTIAL, HOLIDAYS), annsAccount(ANN, false))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void an_account_whose_login_was_refused_cannot_receive_bookings() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, ANN.userId(), null, CREDENTIAL, WORK), annsAccount(ANN, true))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void an_unknown_account_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, ANN.userId(), null, CREDENTIAL, WORK), CallerMetaData.of(ANN))
                .expectException(NotFound.class);
    }

    @Test
    void a_calendar_the_account_does_not_have_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, ANN.userId(), null, CREDENTIAL, "http://elsewhere/"),
                        annsAccount(ANN, false))
                .expectException(NotFound.class);
    }

    @Test
    void someone_elses_account_cannot_be_a_destination() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, BOB.userId(), null, CREDENTIAL, WORK), annsAccount(BOB, false))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_destination_for_someone_else_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, ANN.userId(), null, CREDENTIAL, WORK), annsAccount(BOB, false))
                .expectException(AccessDenied.class);
    }

    @Test
    void a_destination_of_both_a_user_and_an_event_type_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, ANN.userId(), EVENT_TYPE, CREDENTIAL, WORK), annsAccount(ANN, false))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void a_destination_without_a_caller_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(5, ANN.userId(), null, CREDENTIAL, WORK))
                .expectException(AccessDenied.class);
    }

    @Test
    void an_event_type_gets_its_own_destination() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(7, null, EVENT_TYPE, CREDENTIAL, HOME), annsAccount(ANN, false)
                        .and(CalendarCredential.EVENT_TYPE_OWNER, new EventTypeOwner(ANN.userId(), null)))
                .expectEvents(new DestinationCalendarSet(7, null, EVENT_TYPE, TYPE, HOME, CREDENTIAL, null, NOW));
    }

    @Test
    void an_unknown_event_type_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(7, null, EVENT_TYPE, CREDENTIAL, HOME), annsAccount(ANN, false))
                .expectException(NotFound.class);
    }

    @Test
    void a_team_admin_sends_a_team_event_types_bookings_to_their_calendar() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(7, null, EVENT_TYPE, CREDENTIAL, WORK),
                        forTeamEventType(ANN, MembershipRole.ADMIN))
                .expectEvents(new DestinationCalendarSet(7, null, EVENT_TYPE, TYPE, WORK, CREDENTIAL,
                        "ann@example.com", NOW));
    }

    @Test
    void a_plain_member_cannot_choose_a_team_event_types_destination() {
        fixture.givenNoPriorActivity()
                .when(new SetDestinationCalendar(7, null, EVENT_TYPE, CREDENTIAL, WORK),
                        forTeamEventType(ANN, MembershipRole.MEMBER))
                .expectException(AccessDenied.class);
    }
}
