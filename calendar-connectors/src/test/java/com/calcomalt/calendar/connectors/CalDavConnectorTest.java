package com.calcomalt.calendar.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.calendar.testing.RadicaleServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CalDavConnectorTest {

    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer()
            .withUser("alice", "alice-secret-1")
            .withUser("bob", "bob-secret-2");

    private final CalDavConnector connector = new CalDavConnector(Duration.ofSeconds(3));
    private final CalendarAccount alice = new CalendarAccount(radicale.url(), "alice", "alice-secret-1");

    @Test
    void discovery_finds_the_users_event_calendars() {
        radicale.createCalendar("bob", "work", "Bob at work");
        radicale.createCalendar("bob", "home", "Bob at home");

        List<ExternalCalendar> calendars =
                connector.connect(new CalendarAccount(radicale.url(), "bob", "bob-secret-2"));

        assertThat(calendars).extracting(ExternalCalendar::externalId, ExternalCalendar::name, ExternalCalendar::readOnly)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(radicale.calendarUrl("bob", "work"), "Bob at work", false),
                        org.assertj.core.groups.Tuple.tuple(radicale.calendarUrl("bob", "home"), "Bob at home", false));
    }

    @Test
    void a_wrong_password_is_refused_at_connect() {
        assertThatThrownBy(() -> connector.connect(new CalendarAccount(radicale.url(), "alice", "wrong-horse-battery")))
                .isInstanceOf(CalendarAuthenticationFailed.class)
                .hasMessageContaining("alice")
                .hasMessageNotContaining("wrong-horse-battery");
    }

    @Test
    void an_account_never_prints_its_password() {
        assertThat(alice.toString()).doesNotContain("alice-secret-1").contains("alice");
    }

    @Test
    void a_server_that_is_not_caldav_is_refused() {
        assertThatThrownBy(() -> connector.connect(new CalendarAccount(radicale.url() + "alice/no-such-calendar/", "alice",
                "alice-secret-1")))
                .isInstanceOf(CalendarRefused.class);
    }

    @Test
    void a_single_event_is_busy() {
        String calendar = calendar();
        put(calendar, "single", """
                BEGIN:VEVENT
                UID:single
                DTSTAMP:20260101T000000Z
                DTSTART:20270302T100000Z
                DTEND:20270302T110000Z
                SUMMARY:Dentist
                END:VEVENT
                """);

        List<BusyTime> busy = connector.busyTimes(alice, List.of(radicale.calendarUrl("alice", calendar)),
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-08T00:00:00Z"));

        assertThat(busy).containsExactly(new BusyTime(Instant.parse("2027-03-02T10:00:00Z"),
                Instant.parse("2027-03-02T11:00:00Z"), "single", radicale.calendarUrl("alice", calendar)));
    }

    @Test
    void a_weekly_event_is_busy_every_week_but_its_exceptions() {
        String calendar = calendar();
        put(calendar, "weekly", """
                BEGIN:VEVENT
                UID:weekly
                DTSTAMP:20260101T000000Z
                DTSTART:20270301T090000Z
                DTEND:20270301T093000Z
                RRULE:FREQ=WEEKLY;COUNT=10
                EXDATE:20270315T090000Z
                SUMMARY:Stand-up
                END:VEVENT
                """);

        List<BusyTime> busy = connector.busyTimes(alice, List.of(radicale.calendarUrl("alice", calendar)),
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"));

        assertThat(busy).extracting(BusyTime::start).containsExactlyInAnyOrder(
                Instant.parse("2027-03-01T09:00:00Z"), Instant.parse("2027-03-08T09:00:00Z"),
                Instant.parse("2027-03-22T09:00:00Z"), Instant.parse("2027-03-29T09:00:00Z"));
        assertThat(busy).allMatch(b -> Duration.between(b.start(), b.end()).equals(Duration.ofMinutes(30)));
    }

    @Test
    void an_event_in_a_time_zone_is_busy_at_its_utc_instants_across_daylight_saving() {
        String calendar = calendar();
        radicale.putEvent("alice", calendar, "berlin.ics", """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//test//EN
                BEGIN:VTIMEZONE
                TZID:Europe/Berlin
                BEGIN:DAYLIGHT
                TZOFFSETFROM:+0100
                TZOFFSETTO:+0200
                TZNAME:CEST
                DTSTART:19700329T020000
                RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
                END:DAYLIGHT
                BEGIN:STANDARD
                TZOFFSETFROM:+0200
                TZOFFSETTO:+0100
                TZNAME:CET
                DTSTART:19701025T030000
                RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
                END:STANDARD
                END:VTIMEZONE
                BEGIN:VEVENT
                UID:berlin
                DTSTAMP:20260101T000000Z
                DTSTART;TZID=Europe/Berlin:20270322T100000
                DTEND;TZID=Europe/Berlin:20270322T110000
                RRULE:FREQ=WEEKLY;COUNT=2
                SUMMARY:Jour fixe
                END:VEVENT
                END:VCALENDAR
                """.replace("\n", "\r\n"));

        List<BusyTime> busy = connector.busyTimes(alice, List.of(radicale.calendarUrl("alice", calendar)),
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"));

        // 10:00 in Berlin is 09:00 UTC before the switch to summer time on 28 March, 08:00 after it.
        assertThat(busy).extracting(BusyTime::start).containsExactlyInAnyOrder(
                Instant.parse("2027-03-22T09:00:00Z"), Instant.parse("2027-03-29T08:00:00Z"));
    }

    @Test
    void transparent_and_cancelled_events_are_not_busy() {
        String calendar = calendar();
        put(calendar, "free", """
                BEGIN:VEVENT
                UID:free
                DTSTAMP:20260101T000000Z
                DTSTART:20270302T100000Z
                DTEND:20270302T110000Z
                TRANSP:TRANSPARENT
                END:VEVENT
                """);
        put(calendar, "cancelled", """
                BEGIN:VEVENT
                UID:cancelled
                DTSTAMP:20260101T000000Z
                DTSTART:20270302T120000Z
                DTEND:20270302T130000Z
                STATUS:CANCELLED
                END:VEVENT
                """);

        assertThat(connector.busyTimes(alice, List.of(radicale.calendarUrl("alice", calendar)),
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-08T00:00:00Z"))).isEmpty();
    }

    @Test
    void a_created_event_is_on_the_server_under_its_uid_and_busy() {
        String calendar = calendar();
        String uid = UUID.randomUUID().toString();

        WrittenEvent written = connector.create(alice, radicale.calendarUrl("alice", calendar), draft(uid,
                "2027-05-04T10:00:00Z", "2027-05-04T10:30:00Z"));

        assertThat(written.href()).isEqualTo(radicale.calendarUrl("alice", calendar) + uid + ".ics");
        assertThat(written.etag()).isNotBlank();
        VEvent stored = radicale.event("alice", calendar, uid).orElseThrow().<VEvent>getComponent(Component.VEVENT)
                .orElseThrow();
        assertThat(stored.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Intro call");
        assertThat(stored.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:guest@example.com");
        assertThat(radicale.get("alice", written.href()).orElseThrow())
                .as("in the organizer's zone, with its definition").contains("BEGIN:VTIMEZONE", "TZID:Europe/Berlin")
                .contains("DTSTART;TZID=Europe/Berlin:20270504T120000");
        assertThat(connector.busyTimes(alice, List.of(written.externalId()), Instant.parse("2027-05-01T00:00:00Z"),
                Instant.parse("2027-06-01T00:00:00Z")))
                .containsExactly(new BusyTime(Instant.parse("2027-05-04T10:00:00Z"),
                        Instant.parse("2027-05-04T10:30:00Z"), uid, written.externalId()));
    }

    @Test
    void creating_an_event_twice_is_refused() {
        String calendar = calendar();
        String uid = UUID.randomUUID().toString();
        connector.create(alice, radicale.calendarUrl("alice", calendar), draft(uid, "2027-05-04T10:00:00Z",
                "2027-05-04T10:30:00Z"));

        assertThatThrownBy(() -> connector.create(alice, radicale.calendarUrl("alice", calendar), draft(uid,
                "2027-05-04T11:00:00Z", "2027-05-04T11:30:00Z")))
                .isInstanceOf(CalendarRefused.class);
    }

    @Test
    void an_update_moves_the_event_and_changes_its_etag() {
        String calendar = calendar();
        String uid = UUID.randomUUID().toString();
        WrittenEvent created = connector.create(alice, radicale.calendarUrl("alice", calendar), draft(uid,
                "2027-05-04T10:00:00Z", "2027-05-04T10:30:00Z"));

        WrittenEvent updated = connector.update(alice, created, draft(uid, "2027-05-05T14:00:00Z",
                "2027-05-05T15:00:00Z"));

        assertThat(updated.href()).isEqualTo(created.href());
        assertThat(updated.etag()).isNotEqualTo(created.etag());
        assertThat(busyInMay(calendar)).extracting(BusyTime::start)
                .containsExactly(Instant.parse("2027-05-05T14:00:00Z"));
    }

    @Test
    void an_update_with_a_stale_etag_rereads_it_and_wins_once() {
        String calendar = calendar();
        String uid = UUID.randomUUID().toString();
        WrittenEvent created = connector.create(alice, radicale.calendarUrl("alice", calendar), draft(uid,
                "2027-05-04T10:00:00Z", "2027-05-04T10:30:00Z"));
        WrittenEvent changedElsewhere = connector.update(alice, created, draft(uid, "2027-05-06T10:00:00Z",
                "2027-05-06T10:30:00Z"));

        WrittenEvent updated = connector.update(alice, created, draft(uid, "2027-05-07T10:00:00Z",
                "2027-05-07T10:30:00Z"));

        assertThat(updated.etag()).isNotEqualTo(created.etag()).isNotEqualTo(changedElsewhere.etag());
        assertThat(busyInMay(calendar)).extracting(BusyTime::start)
                .containsExactly(Instant.parse("2027-05-07T10:00:00Z"));
    }

    @Test
    void an_update_of_an_event_deleted_on_the_server_creates_it_again() {
        String calendar = calendar();
        String uid = UUID.randomUUID().toString();
        WrittenEvent created = connector.create(alice, radicale.calendarUrl("alice", calendar), draft(uid,
                "2027-05-04T10:00:00Z", "2027-05-04T10:30:00Z"));
        radicale.delete("alice", created.href());

        WrittenEvent updated = connector.update(alice, created, draft(uid, "2027-05-08T10:00:00Z",
                "2027-05-08T10:30:00Z"));

        assertThat(radicale.get("alice", updated.href())).isPresent();
        assertThat(busyInMay(calendar)).extracting(BusyTime::start)
                .containsExactly(Instant.parse("2027-05-08T10:00:00Z"));
    }

    @Test
    void a_delete_removes_the_event_even_with_a_stale_etag() {
        String calendar = calendar();
        String uid = UUID.randomUUID().toString();
        WrittenEvent created = connector.create(alice, radicale.calendarUrl("alice", calendar), draft(uid,
                "2027-05-04T10:00:00Z", "2027-05-04T10:30:00Z"));
        connector.update(alice, created, draft(uid, "2027-05-06T10:00:00Z", "2027-05-06T10:30:00Z"));

        connector.delete(alice, created);

        assertThat(radicale.event("alice", calendar, uid)).isEmpty();
        assertThat(radicale.get("alice", created.href())).isEmpty();
    }

    @Test
    void deleting_an_event_already_gone_succeeds() {
        String calendar = calendar();
        String uid = UUID.randomUUID().toString();
        WrittenEvent created = connector.create(alice, radicale.calendarUrl("alice", calendar), draft(uid,
                "2027-05-04T10:00:00Z", "2027-05-04T10:30:00Z"));
        connector.delete(alice, created);

        connector.delete(alice, created);

        assertThat(radicale.resources("alice", calendar)).isEmpty();
    }

    @Test
    void a_stopped_server_is_unreachable_within_the_timeout() {
        RadicaleServer stopped = new RadicaleServer().withUser("carol", "carol-secret");
        CalDavConnector quick = new CalDavConnector(Duration.ofMillis(500));
        Instant before = Instant.now();

        assertThatThrownBy(() -> quick.connect(new CalendarAccount(stopped.url(), "carol", "carol-secret")))
                .isInstanceOf(CalendarUnreachable.class)
                .hasMessageNotContaining("carol-secret");
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_server_that_does_not_answer_times_out() throws Exception {
        // A socket that accepts connections and never answers: the request timeout, not the connect timeout.
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CalDavConnector quick = new CalDavConnector(Duration.ofMillis(500));
            Instant before = Instant.now();

            assertThatThrownBy(() -> quick.connect(new CalendarAccount(
                    "http://127.0.0.1:" + silent.getLocalPort() + "/", "alice", "alice-secret-1")))
                    .isInstanceOf(CalendarUnreachable.class)
                    .hasMessageContaining("timed out after PT0.5S");
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));
        }
    }

    private List<BusyTime> busyInMay(String calendar) {
        return connector.busyTimes(alice, List.of(radicale.calendarUrl("alice", calendar)),
                Instant.parse("2027-05-01T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"));
    }

    private static String calendar() {
        String name = "c" + UUID.randomUUID().toString().substring(0, 8);
        radicale.createCalendar("alice", name, name);
        return name;
    }

    private static void put(String calendar, String name, String vevent) {
        radicale.putEvent("alice", calendar, name + ".ics", ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
                + vevent + "END:VCALENDAR\n").replace("\n", "\r\n"));
    }

    static CalendarEventDraft draft(String uid, String start, String end) {
        return new CalendarEventDraft(uid, "Intro call", "Talk about the project", "Zoom", Instant.parse(start),
                Instant.parse(end), "Europe/Berlin", new CalendarEventDraft.Person("Alice Host", "alice@example.com"),
                List.of(new CalendarEventDraft.Person("Gus Guest", "guest@example.com")));
    }
}
