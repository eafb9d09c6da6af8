package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.calendar.testing.RadicaleServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 10's acceptance, as a new user would try it: a host connects a calendar on a real CalDAV
 * server (radicale), whose events then block slots and bookings.
 */
@ExtendWith(OutputCaptureExtension.class)
class CalendarApiTest extends ApiTest {

    private static final String PASSWORD = "radicale-Pa55word-" + UUID.randomUUID();
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd");

    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer().withUser("host", PASSWORD).withUser("other", "other-pw")
            .withUser("changing", "first-pw");

    private record Host(Member member, int eventTypeId, LocalDate tuesday) {
    }

    /** A host working 09:00-17:00 UTC on weekdays, with a 30-minute event type, and a Tuesday some weeks ahead. */
    private Host host() {
        Member member = newMember("cal-host", "example.com");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(as(member.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "UTC",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        int eventTypeId = as(member.key(), () -> post("/v2/event-types", """
                {"title": "Call", "slug": "call-%s", "lengthInMinutes": 30}""".formatted(tag))).data().get("id").asInt();
        LocalDate tuesday = LocalDate.now(ZoneOffset.UTC).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        return new Host(member, eventTypeId, tuesday);
    }

    private static String vevent(String uid, LocalDate day, String from, String to) {
        return """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//calcom-alt tests//EN\r
                BEGIN:VEVENT\r
                UID:%s\r
                DTSTAMP:20260101T000000Z\r
                DTSTART:%sT%sZ\r
                DTEND:%sT%sZ\r
                SUMMARY:Dentist\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(uid, ICS.format(day), from, ICS.format(day), to);
    }

    private List<String> slotTimes(Host host) {
        JsonNode day = slotsAnswer(host).body().get("data").get(host.tuesday().toString());
        List<String> times = new ArrayList<>();
        if (day != null) {
            day.forEach(slot -> times.add(slot.get("start").asText().substring(11, 16)));
        }
        return times;
    }

    private Response slotsAnswer(Host host) {
        return as(host.member().key(), () -> get("/v2/slots?eventTypeId=" + host.eventTypeId() + "&start="
                + host.tuesday() + "&end=" + host.tuesday() + "&timeZone=UTC"));
    }

    private Response book(Host host, String time) {
        return as(host.member().key(), () -> post("/v2/bookings", """
                {"start": "%sT%s:00Z", "eventTypeId": %d,
                 "attendee": {"name": "Ada Booker", "email": "ada@example.com", "timeZone": "Europe/London"}}"""
                .formatted(host.tuesday(), time, host.eventTypeId())));
    }

    /** Connects the host's radicale account, selects its "work" calendar and makes it the destination. */
    private int connect(Host host, String calendarUrl) {
        Response connected = as(host.member().key(), () -> post("/v2/calendars/caldav/credentials", """
                {"url": "%s", "username": "host", "password": "%s"}""".formatted(radicale.url(), PASSWORD)));
        assertThat(connected.status().value()).as(connected.body().toString()).isEqualTo(201);
        assertThat(connected.data().get("type").asText()).isEqualTo("caldav_calendar");
        int credentialId = connected.data().get("id").asInt();
        Response selected = as(host.member().key(), () -> post("/v2/selected-calendars", """
                {"integration": "caldav_calendar", "externalId": "%s", "credentialId": %d}"""
                .formatted(calendarUrl, credentialId)));
        assertThat(selected.status().value()).as(selected.body().toString()).isEqualTo(201);
        Response destination = as(host.member().key(), () -> put("/v2/destination-calendars", """
                {"integration": "caldav_calendar", "externalId": "%s"}""".formatted(calendarUrl)));
        assertThat(destination.status().value()).as(destination.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();
        return credentialId;
    }

    @Test
    void a_connected_calendars_events_block_slots_and_bookings(CapturedOutput output) {
        Host host = host();
        String work = radicale.createCalendar("host", "work-" + host.eventTypeId(), "Work");
        radicale.putEvent("host", "work-" + host.eventTypeId(), "dentist.ics",
                vevent("dentist-" + host.eventTypeId(), host.tuesday(), "100000", "110000"));
        awaitProjectionsCaughtUp();
        assertThat(slotTimes(host)).contains("10:00", "10:30");

        int credentialId = connect(host, work);

        JsonNode calendars = as(host.member().key(), () -> get("/v2/calendars")).data();
        JsonNode account = calendars.get("connectedCalendars").get(0);
        assertThat(account.get("credentialId").asInt()).isEqualTo(credentialId);
        assertThat(account.get("calendars").findValuesAsText("externalId")).contains(work);
        assertThat(calendars.get("destinationCalendar").get("externalId").asText()).isEqualTo(work);

        List<String> slots = slotTimes(host);
        assertThat(slots).doesNotContain("10:00", "10:30").contains("09:00", "09:30", "11:00", "14:00", "16:30");
        assertThat(slotsAnswer(host).body().has("unavailableCalendars")).isFalse();

        Response taken = book(host, "10:00");
        assertThat(taken.status().value()).as(taken.body().toString()).isEqualTo(409);

        Response booked = book(host, "14:00");
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String uid = booked.data().get("uid").asText();

        String everything = calendars.toString() + taken.body() + booked.body();
        assertThat(everything).doesNotContain(PASSWORD);
        assertThat(jdbc.queryForObject("""
                select count(*) from eventstore.domain_event_entry where convert_from(payload, 'UTF8') like ?""",
                Integer.class, "%" + PASSWORD + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from \"Credential\" where key::text like ?", Integer.class,
                "%" + PASSWORD + "%")).isZero();
        assertThat(output.getAll()).doesNotContain(PASSWORD);

        String calendar = "work-" + host.eventTypeId();
        await().atMost(Duration.ofSeconds(20)).until(() -> radicale.event("host", calendar, uid).isPresent());
        JsonNode written = as(host.member().key(), () -> get("/v2/bookings/" + uid + "/calendar-events")).data();
        assertThat(written.get(0).get("status").asText()).isEqualTo("WRITTEN");
        assertThat(written.get(0).get("externalCalendarId").asText()).isEqualTo(work);
        assertThat(written.get(0).get("credentialId").asInt()).isEqualTo(credentialId);
        Member stranger = newMember("snoop", "example.com");
        assertThat(as(stranger.key(), () -> get("/v2/bookings/" + uid + "/calendar-events")).status().value())
                .isEqualTo(404);
        Response cancelled = as(host.member().key(), () -> post("/v2/bookings/" + uid + "/cancel", """
                {"cancellationReason": "Ill"}"""));
        assertThat(cancelled.status().value()).as(cancelled.body().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> radicale.event("host", calendar, uid).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> as(host.member().key(),
                () -> get("/v2/bookings/" + uid + "/calendar-events")).data().get(0).get("status").asText()
                .equals("DELETED"));
    }

    @Test
    void a_calendar_event_that_is_one_of_our_bookings_is_not_counted_again() {
        Host host = host();
        String calendar = "own-" + host.eventTypeId();
        String url = radicale.createCalendar("host", calendar, "Own");
        connect(host, url);
        Response booked = book(host, "09:00");
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        String uid = booked.data().get("uid").asText();
        // The calendar is the destination, so the writer puts the booking there; a CalDAV server keeps one resource
        // per UID, so the copy is made by moving that very resource to another time, as a user's calendar app would.
        await().atMost(Duration.ofSeconds(20)).until(() -> radicale.event("host", calendar, uid).isPresent());
        radicale.putEvent("host", calendar, uid + ".ics", vevent(uid, host.tuesday(), "150000", "153000"));
        radicale.putEvent("host", calendar, "lunch.ics", vevent("lunch-" + host.eventTypeId(), host.tuesday(),
                "120000", "130000"));
        jdbc.update("delete from \"CalendarCache\"");
        awaitProjectionsCaughtUp();

        assertThat(slotTimes(host)).contains("15:00", "15:30").doesNotContain("09:00", "12:00", "12:30");
    }

    @Test
    void round_robin_and_collective_use_each_hosts_own_calendars() {
        Host ann = host();
        Member bo = newMember("cal-bo", "example.com");
        assertThat(as(bo.key(), () -> post("/v2/schedules", """
                {"name": "Office", "timeZone": "UTC",
                 "availability": [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                                   "startTime": "09:00", "endTime": "17:00"}]}""")).status().value()).isEqualTo(201);
        String calendar = "team-" + ann.eventTypeId();
        String url = radicale.createCalendar("host", calendar, "Team");
        radicale.putEvent("host", calendar, "offsite.ics", vevent("offsite-" + ann.eventTypeId(), ann.tuesday(),
                "100000", "110000"));
        connect(ann, url);
        String key = ann.member().key();
        int teamId = as(key, () -> post("/v2/teams", """
                {"name": "Cal team", "slug": "cal-team-%d"}""".formatted(ann.eventTypeId()))).data().get("id").asInt();
        int membership = as(key, () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(bo.id()))).data().get("id").asInt();
        assertThat(as(bo.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membership,
                "{\"accepted\": true}")).status().value()).isEqualTo(200);
        int roundRobin = as(key, () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Either", "slug": "either", "lengthInMinutes": 30, "schedulingType": "ROUND_ROBIN",
                 "hosts": [{"userId": %d, "mandatory": false}, {"userId": %d, "mandatory": false}]}"""
                .formatted(ann.member().id(), bo.id()))).data().get("id").asInt();
        int collective = as(key, () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Both", "slug": "both", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE",
                 "hosts": [{"userId": %d, "mandatory": true}, {"userId": %d, "mandatory": true}]}"""
                .formatted(ann.member().id(), bo.id()))).data().get("id").asInt();
        awaitProjectionsCaughtUp();

        assertThat(slotTimes(new Host(ann.member(), roundRobin, ann.tuesday())))
                .as("Bo is free while Ann's calendar is busy").contains("10:00", "10:30");
        assertThat(slotTimes(new Host(ann.member(), collective, ann.tuesday())))
                .as("both must be free").doesNotContain("10:00", "10:30").contains("11:00");

        Response booked = book(new Host(ann.member(), roundRobin, ann.tuesday()), "10:00");
        assertThat(booked.status().value()).as(booked.body().toString()).isEqualTo(201);
        assertThat(booked.data().get("hosts").get(0).get("id").asInt()).as("the free host").isEqualTo(bo.id());
        assertThat(book(new Host(ann.member(), collective, ann.tuesday()), "10:30").status().value()).isEqualTo(409);
    }

    @Test
    void an_event_types_own_selection_replaces_the_hosts_others_and_every_choice_reads_back() {
        Host host = host();
        String general = "general-" + host.eventTypeId();
        String special = "special-" + host.eventTypeId();
        String generalUrl = radicale.createCalendar("host", general, "General");
        String specialUrl = radicale.createCalendar("host", special, "Special");
        radicale.putEvent("host", general, "a.ics", vevent("a-" + host.eventTypeId(), host.tuesday(), "100000", "110000"));
        radicale.putEvent("host", special, "b.ics", vevent("b-" + host.eventTypeId(), host.tuesday(), "140000", "150000"));
        int credentialId = connect(host, generalUrl);
        String key = host.member().key();
        assertThat(slotTimes(host)).doesNotContain("10:00").contains("14:00");

        Response selected = as(key, () -> post("/v2/selected-calendars", """
                {"integration": "caldav_calendar", "externalId": "%s", "credentialId": %d, "eventTypeId": %d}"""
                .formatted(specialUrl, credentialId, host.eventTypeId())));
        assertThat(selected.status().value()).as(selected.body().toString()).isEqualTo(201);
        Response destination = as(key, () -> put("/v2/destination-calendars", """
                {"integration": "caldav_calendar", "externalId": "%s", "eventTypeId": %d}"""
                .formatted(specialUrl, host.eventTypeId())));
        assertThat(destination.status().value()).as(destination.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();

        assertThat(slotTimes(host)).as("only the event type's own selection counts for it")
                .contains("10:00").doesNotContain("14:00", "14:30");
        JsonNode calendars = as(key, () -> get("/v2/calendars")).data();
        JsonNode specialCalendar = calendars.at("/connectedCalendars/0/calendars").findParents("externalId").stream()
                .filter(c -> c.get("externalId").asText().equals(specialUrl)).findFirst().orElseThrow();
        assertThat(specialCalendar.get("isSelected").asBoolean()).isFalse();
        assertThat(specialCalendar.get("selectedForEventTypeIds").get(0).asInt()).isEqualTo(host.eventTypeId());
        assertThat(calendars.at("/eventTypeDestinationCalendars/0/eventTypeId").asInt()).isEqualTo(host.eventTypeId());
        assertThat(calendars.at("/eventTypeDestinationCalendars/0/externalId").asText()).isEqualTo(specialUrl);
        assertThat(calendars.at("/destinationCalendar/externalId").asText()).isEqualTo(generalUrl);

        Response deselected = as(key, () -> delete("/v2/selected-calendars?integration=caldav_calendar&externalId="
                + specialUrl + "&credentialId="
                + credentialId + "&eventTypeId=" + host.eventTypeId()));
        assertThat(deselected.status().value()).as(deselected.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();
        jdbc.update("delete from \"CalendarCache\"");
        assertThat(slotTimes(host)).as("the host's general selection counts again").doesNotContain("10:00")
                .contains("14:00");
    }

    @Test
    void a_wrong_password_is_refused_at_connect_time_and_stores_nothing() {
        Host host = host();
        long events = storedEvents();
        long credentials = rows("Credential");
        Response refused = as(host.member().key(), () -> post("/v2/calendars/caldav/credentials", """
                {"url": "%s", "username": "host", "password": "not-the-password"}""".formatted(radicale.url())));
        assertThat(refused.status().value()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.body().toString()).doesNotContain("not-the-password");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(rows("Credential")).isEqualTo(credentials);
    }

    @Test
    void with_the_calendar_server_down_slots_still_answer_in_bounded_time_and_name_the_calendar() {
        Host host = host();
        String calendar = "down-" + host.eventTypeId();
        String url = radicale.createCalendar("host", calendar, "Down");
        radicale.putEvent("host", calendar, "standup.ics", vevent("standup-" + host.eventTypeId(), host.tuesday(),
                "090000", "093000"));
        int credentialId = connect(host, url);
        assertThat(slotTimes(host)).doesNotContain("09:00");
        radicale.stop();
        try {
            jdbc.update("update \"CalendarCache\" set \"expiresAt\" = now() - interval '1 minute'");
            long started = System.nanoTime();
            Response answer = slotsAnswer(host);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.status().value()).isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            JsonNode unavailable = answer.body().get("unavailableCalendars");
            assertThat(unavailable).as(answer.body().toString()).hasSize(1);
            assertThat(unavailable.get(0).get("credentialId").asInt()).isEqualTo(credentialId);
            assertThat(unavailable.get(0).get("externalId").asText()).isEqualTo(url);
            assertThat(slotTimes(host)).as("the stale cached busy time still counts").doesNotContain("09:00")
                    .contains("10:00");

            Response booked = book(host, "11:00");
            assertThat(booked.status().value()).as("a booking is not refused for a calendar that cannot be read")
                    .isEqualTo(201);
        } finally {
            radicale.start();
        }
    }

    @Test
    void only_the_owner_sees_and_changes_a_calendar_account() {
        Host host = host();
        String url = radicale.createCalendar("host", "mine-" + host.eventTypeId(), "Mine");
        int credentialId = connect(host, url);
        Member stranger = newMember("stranger", "example.com");
        long events = storedEvents();

        assertThat(as(stranger.key(), () -> get("/v2/calendars")).data().get("connectedCalendars")).isEmpty();
        assertThat(as(stranger.key(), () -> post("/v2/calendars/caldav/disconnect", "{\"id\": " + credentialId + "}"))
                .status().value()).isEqualTo(403);
        assertThat(as(stranger.key(), () -> post("/v2/selected-calendars", """
                {"integration": "caldav_calendar", "externalId": "%s", "credentialId": %d}"""
                .formatted(url, credentialId))).status().value()).isEqualTo(403);
        assertThat(as(stranger.key(), () -> put("/v2/destination-calendars", """
                {"integration": "caldav_calendar", "externalId": "%s", "credentialId": %d}"""
                .formatted(url, credentialId))).status().value()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(events);

        Response disconnected = as(host.member().key(), () -> post("/v2/calendars/caldav/disconnect",
                "{\"id\": " + credentialId + "}"));
        assertThat(disconnected.status().value()).as(disconnected.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("select count(*) from \"SelectedCalendar\" where \"credentialId\" = ?",
                Integer.class, credentialId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from \"DestinationCalendar\" where \"credentialId\" = ?",
                Integer.class, credentialId)).isZero();
        assertThat(as(host.member().key(), () -> get("/v2/calendars")).data().get("connectedCalendars")).isEmpty();
    }

    @Test
    void busy_times_show_what_the_selected_calendars_block() {
        Host host = host();
        String calendar = "busy-" + host.eventTypeId();
        String url = radicale.createCalendar("host", calendar, "Busy");
        radicale.putEvent("host", calendar, "review.ics", vevent("review-" + host.eventTypeId(), host.tuesday(),
                "130000", "140000"));
        int credentialId = connect(host, url);

        Response answer = as(host.member().key(), () -> get("/v2/calendars/busy-times?loggedInUsersTz=UTC&dateFrom="
                + host.tuesday() + "&dateTo=" + host.tuesday()));
        assertThat(answer.status().value()).as(answer.body().toString()).isEqualTo(200);
        JsonNode busy = answer.body().get("data");
        assertThat(busy).hasSize(1);
        assertThat(busy.get(0).get("start").asText()).isEqualTo(host.tuesday() + "T13:00:00Z");
        assertThat(busy.get(0).get("source").asText()).isEqualTo(credentialId + ":" + url);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select count(*) from \"CalendarCache\" where \"credentialId\" = ?", Integer.class, credentialId) > 0);
    }
    /** An ICS feed served over plain HTTP from the test, as a read-only calendar feed of a host would be. */
    private static HttpServer feed(String path, String icalendar) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            byte[] body = icalendar.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void an_ics_feed_saved_over_the_api_blocks_the_hosts_slots_every_week_it_recurs() throws IOException {
        Host host = host();
        String weekly = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//calcom-alt tests//EN\r
                X-WR-CALNAME:Choir\r
                BEGIN:VEVENT\r
                UID:choir-%d\r
                DTSTAMP:20260101T000000Z\r
                DTSTART:%sT100000Z\r
                DTEND:%sT110000Z\r
                RRULE:FREQ=WEEKLY;COUNT=4\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(host.eventTypeId(), ICS.format(host.tuesday().minusWeeks(1)),
                ICS.format(host.tuesday().minusWeeks(1)));
        HttpServer server = feed("/choir.ics", weekly);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/choir.ics";
            Response saved = as(host.member().key(), () -> post("/v2/calendars/ics-feed/save",
                    "{\"urls\": [\"" + url + "\"]}"));
            assertThat(saved.status().value()).as(saved.body().toString()).isEqualTo(201);
            assertThat(saved.data().get("type").asText()).isEqualTo("ics-feed_calendar");
            int credentialId = saved.data().get("id").asInt();
            awaitProjectionsCaughtUp();
            JsonNode account = as(host.member().key(), () -> get("/v2/calendars")).data().at("/connectedCalendars/0");
            assertThat(account.get("credentialId").asInt()).isEqualTo(credentialId);
            assertThat(account.at("/calendars/0/name").asText()).isEqualTo("Choir");
            assertThat(account.at("/calendars/0/readOnly").asBoolean()).isTrue();
            assertThat(slotTimes(host)).as("nothing selected yet").contains("10:00", "10:30");

            Response selected = as(host.member().key(), () -> post("/v2/selected-calendars", """
                    {"integration": "ics-feed_calendar", "externalId": "%s", "credentialId": %d}"""
                    .formatted(url, credentialId)));
            assertThat(selected.status().value()).as(selected.body().toString()).isEqualTo(201);
            awaitProjectionsCaughtUp();

            assertThat(slotTimes(host)).as("the feed's second weekly occurrence").doesNotContain("10:00", "10:30")
                    .contains("09:30", "11:00");
            assertThat(book(host, "10:30").status().value()).isEqualTo(409);
            Response readOnly = as(host.member().key(), () -> put("/v2/destination-calendars", """
                    {"integration": "ics-feed_calendar", "externalId": "%s", "credentialId": %d}"""
                    .formatted(url, credentialId)));
            assertThat(readOnly.status().value()).as("a feed cannot receive bookings").isBetween(400, 499);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_login_the_server_later_refuses_marks_the_account_invalid_and_get_shows_it() {
        Host host = host();
        String url = radicale.createCalendar("changing", "work-" + host.eventTypeId(), "Work");
        try {
            Response connected = as(host.member().key(), () -> post("/v2/calendars/caldav/credentials", """
                    {"url": "%s", "username": "changing", "password": "first-pw"}""".formatted(radicale.url())));
            assertThat(connected.status().value()).as(connected.body().toString()).isEqualTo(201);
            int credentialId = connected.data().get("id").asInt();
            assertThat(as(host.member().key(), () -> post("/v2/selected-calendars", """
                    {"integration": "caldav_calendar", "externalId": "%s", "credentialId": %d}"""
                    .formatted(url, credentialId))).status().value()).isEqualTo(201);
            awaitProjectionsCaughtUp();
            assertThat(as(host.member().key(), () -> get("/v2/calendars")).data()
                    .at("/connectedCalendars/0/invalid").asBoolean()).isFalse();

            radicale.withUser("changing", "changed-pw");
            Response booked = book(host, "09:00");
            assertThat(booked.status().value()).as("a calendar that cannot be read does not stop a booking")
                    .isEqualTo(201);

            await().atMost(Duration.ofSeconds(15)).until(() -> as(host.member().key(), () -> get("/v2/calendars"))
                    .data().at("/connectedCalendars/0/invalid").asBoolean());
            assertThat(jdbc.queryForObject("select invalid from \"Credential\" where id = ?", Boolean.class,
                    credentialId)).isTrue();
            JsonNode unavailable = slotsAnswer(host).body().get("unavailableCalendars");
            assertThat(unavailable).as("an invalid account is not read but named").hasSize(1);
            assertThat(unavailable.get(0).get("credentialId").asInt()).isEqualTo(credentialId);
        } finally {
            radicale.withUser("changing", "first-pw");
        }
    }

    @Test
    void a_team_account_is_seen_and_changed_by_the_teams_admins_only() {
        Host ann = host();
        Member bo = newMember("cal-member", "example.com");
        String key = ann.member().key();
        int teamId = as(key, () -> post("/v2/teams", """
                {"name": "Shared cal", "slug": "shared-cal-%d"}""".formatted(ann.eventTypeId()))).data().get("id").asInt();
        int membership = as(key, () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(bo.id()))).data().get("id").asInt();
        assertThat(as(bo.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membership,
                "{\"accepted\": true}")).status().value()).isEqualTo(200);
        String url = radicale.createCalendar("other", "team-" + ann.eventTypeId(), "Team");

        long events = storedEvents();
        Response byMember = as(bo.key(), () -> post("/v2/calendars/caldav/credentials", """
                {"url": "%s", "username": "other", "password": "other-pw", "teamId": %d}"""
                .formatted(radicale.url(), teamId)));
        assertThat(byMember.status().value()).as(byMember.body().toString()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(events);

        Response connected = as(key, () -> post("/v2/calendars/caldav/credentials", """
                {"url": "%s", "username": "other", "password": "other-pw", "teamId": %d}"""
                .formatted(radicale.url(), teamId)));
        assertThat(connected.status().value()).as(connected.body().toString()).isEqualTo(201);
        assertThat(connected.data().get("teamId").asInt()).isEqualTo(teamId);
        assertThat(connected.data().get("userId").isNull()).isTrue();
        int credentialId = connected.data().get("id").asInt();
        awaitProjectionsCaughtUp();

        JsonNode seen = as(key, () -> get("/v2/calendars")).data().get("connectedCalendars");
        assertThat(seen.findValuesAsText("credentialId")).contains(String.valueOf(credentialId));
        assertThat(as(bo.key(), () -> get("/v2/calendars")).data().get("connectedCalendars")).isEmpty();
        events = storedEvents();
        assertThat(as(bo.key(), () -> post("/v2/selected-calendars", """
                {"integration": "caldav_calendar", "externalId": "%s", "credentialId": %d}"""
                .formatted(url, credentialId))).status().value()).isEqualTo(403);
        assertThat(as(bo.key(), () -> post("/v2/calendars/caldav/disconnect", "{\"id\": " + credentialId + "}"))
                .status().value()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(events);

        Response disconnected = as(key, () -> post("/v2/calendars/caldav/disconnect", "{\"id\": " + credentialId + "}"));
        assertThat(disconnected.status().value()).as(disconnected.body().toString()).isEqualTo(200);
        awaitProjectionsCaughtUp();
        assertThat(rowsOf(credentialId)).isZero();
    }

    private int rowsOf(int credentialId) {
        return jdbc.queryForObject("select count(*) from \"Credential\" where id = ?", Integer.class, credentialId);
    }
}
