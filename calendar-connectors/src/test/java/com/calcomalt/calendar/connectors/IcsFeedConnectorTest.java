package com.calcomalt.calendar.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IcsFeedConnectorTest {

    private static final String FEED = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//EN
            X-WR-CALNAME:Holidays and more
            BEGIN:VTIMEZONE
            TZID:America/New_York
            BEGIN:DAYLIGHT
            TZOFFSETFROM:-0500
            TZOFFSETTO:-0400
            TZNAME:EDT
            DTSTART:19700308T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
            END:DAYLIGHT
            BEGIN:STANDARD
            TZOFFSETFROM:-0400
            TZOFFSETTO:-0500
            TZNAME:EST
            DTSTART:19701101T020000
            RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:yoga
            DTSTAMP:20260101T000000Z
            DTSTART;TZID=America/New_York:20270301T180000
            DTEND;TZID=America/New_York:20270301T190000
            RRULE:FREQ=WEEKLY;UNTIL=20270329T230000Z
            EXDATE;TZID=America/New_York:20270308T180000
            RDATE;TZID=America/New_York:20270311T070000
            END:VEVENT
            BEGIN:VEVENT
            UID:holiday
            DTSTAMP:20260101T000000Z
            DTSTART;VALUE=DATE:20270317
            DTEND;VALUE=DATE:20270318
            SUMMARY:Day off
            END:VEVENT
            BEGIN:VEVENT
            UID:maybe
            DTSTAMP:20260101T000000Z
            DTSTART:20270320T100000Z
            DTEND:20270320T110000Z
            TRANSP:TRANSPARENT
            END:VEVENT
            END:VCALENDAR
            """.replace("\n", "\r\n");

    private static HttpServer server;
    private static String feedUrl;

    private final IcsFeedConnector connector = new IcsFeedConnector(Duration.ofSeconds(3));

    @BeforeAll
    static void serveTheFeed() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.ics", exchange -> {
            byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/not-a-feed", exchange -> {
            byte[] body = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        feedUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.ics";
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void a_feed_is_one_read_only_calendar_named_by_the_feed() {
        assertThat(connector.connect(new CalendarAccount(feedUrl, null, null)))
                .containsExactly(new ExternalCalendar(feedUrl, "Holidays and more", true, null));
        assertThat(connector.writable()).isFalse();
    }

    @Test
    void a_feed_counts_rrule_exdate_rdate_in_its_zone_and_whole_utc_days_for_dates() {
        List<BusyTime> busy = connector.busyTimes(new CalendarAccount(feedUrl, null, null), List.of(feedUrl),
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"));

        assertThat(busy).extracting(BusyTime::uid, BusyTime::start, BusyTime::end).containsExactlyInAnyOrder(
                // 18:00 in New York is 23:00 UTC in winter time, 22:00 UTC from 14 March on; the 8th is excluded.
                org.assertj.core.groups.Tuple.tuple("yoga", Instant.parse("2027-03-01T23:00:00Z"),
                        Instant.parse("2027-03-02T00:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("yoga", Instant.parse("2027-03-11T12:00:00Z"),
                        Instant.parse("2027-03-11T13:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("yoga", Instant.parse("2027-03-15T22:00:00Z"),
                        Instant.parse("2027-03-15T23:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("yoga", Instant.parse("2027-03-22T22:00:00Z"),
                        Instant.parse("2027-03-22T23:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("yoga", Instant.parse("2027-03-29T22:00:00Z"),
                        Instant.parse("2027-03-29T23:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("holiday", Instant.parse("2027-03-17T00:00:00Z"),
                        Instant.parse("2027-03-18T00:00:00Z")));
        assertThat(busy).allMatch(b -> b.externalId().equals(feedUrl));
    }

    @Test
    void only_occurrences_overlapping_the_window_are_busy() {
        List<BusyTime> busy = connector.busyTimes(new CalendarAccount(feedUrl, null, null), List.of(feedUrl),
                Instant.parse("2027-03-15T22:30:00Z"), Instant.parse("2027-03-17T00:00:00Z"));

        assertThat(busy).extracting(BusyTime::start).containsExactly(Instant.parse("2027-03-15T22:00:00Z"));
    }

    @Test
    void a_page_that_is_not_icalendar_is_refused() {
        String page = feedUrl.replace("/feed.ics", "/not-a-feed");
        assertThatThrownBy(() -> connector.connect(new CalendarAccount(page, null, null)))
                .isInstanceOf(CalendarRefused.class);
    }

    @Test
    void a_missing_feed_is_refused() {
        String missing = feedUrl.replace("/feed.ics", "/gone.ics");
        assertThatThrownBy(() -> connector.connect(new CalendarAccount(missing, null, null)))
                .isInstanceOf(CalendarRefused.class)
                .hasMessageContaining("404");
    }
}
