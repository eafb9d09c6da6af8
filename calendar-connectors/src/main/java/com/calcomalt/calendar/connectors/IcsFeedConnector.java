package com.calcomalt.calendar.connectors;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;

/** A published .ics feed, as cal.com's ics-feed app reads it: one GET per feed, never written. */
public class IcsFeedConnector implements CalendarConnector {

    private final CalendarHttp http;

    public IcsFeedConnector(Duration timeout) {
        this.http = new CalendarHttp(timeout);
    }

    @Override
    public String type() {
        return "ics-feed_calendar";
    }

    @Override
    public String appId() {
        return "ics-feed";
    }

    @Override
    public boolean writable() {
        return false;
    }

    @Override
    public List<ExternalCalendar> connect(CalendarAccount account) {
        Calendar feed = read(account, account.url());
        String name = feed.getProperty("X-WR-CALNAME").map(Property::getValue).orElse(account.url());
        return List.of(new ExternalCalendar(account.url(), name, true, null));
    }

    @Override
    public List<BusyTime> busyTimes(CalendarAccount account, List<String> externalIds, Instant from, Instant to) {
        List<BusyTime> busy = new ArrayList<>();
        for (String feedUrl : externalIds) {
            busy.addAll(ICalendars.busyTimes(read(account, feedUrl), from, to, feedUrl));
        }
        return busy;
    }

    private Calendar read(CalendarAccount account, String feedUrl) {
        URI feed = CalendarHttp.uri(feedUrl);
        HttpResponse<String> response = http.send(account, "GET", feed, null, Map.of("Accept", "text/calendar"));
        if (response.statusCode() != 200) {
            throw new CalendarRefused("GET " + feed + " answered HTTP " + response.statusCode());
        }
        return ICalendars.parse(response.body(), "The feed " + feed);
    }

    @Override
    public WrittenEvent create(CalendarAccount account, String externalId, CalendarEventDraft event) {
        throw readOnly();
    }

    @Override
    public WrittenEvent update(CalendarAccount account, WrittenEvent existing, CalendarEventDraft event) {
        throw readOnly();
    }

    @Override
    public void delete(CalendarAccount account, WrittenEvent existing) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("ICS feeds are read-only: check writable() first");
    }
}
