package com.calcomalt.calendar.connectors;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * CalDAV (RFC 4791) as cal.com's caldav-calendar app speaks it: discovery through the principal
 * and its calendar home, busy times from a calendar-query REPORT expanded here (servers differ
 * too much in their own expansion), and events written with ETags so no one's change is lost.
 */
public class CalDavConnector implements CalendarConnector {

    private static final String PROPFIND_PRINCIPAL = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>""";
    private static final String PROPFIND_HOME = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><c:calendar-home-set/><c:calendar-user-address-set/></d:prop>
            </d:propfind>""";
    private static final String PROPFIND_CALENDARS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><d:resourcetype/><d:displayname/><c:supported-calendar-component-set/>
                <d:current-user-privilege-set/></d:prop>
            </d:propfind>""";
    private static final String PROPFIND_ETAG = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>""";
    private static final String CALENDAR_QUERY = """
            <?xml version="1.0" encoding="utf-8"?>
            <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
              <d:prop><d:getetag/><c:calendar-data/></d:prop>
              <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">
                <c:time-range start="%s" end="%s"/>
              </c:comp-filter></c:comp-filter></c:filter>
            </c:calendar-query>""";
    private static final DateTimeFormatter UTC_BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String XML = "application/xml; charset=utf-8";
    private static final String ICALENDAR = "text/calendar; charset=utf-8";

    private final CalendarHttp http;

    public CalDavConnector(Duration timeout) {
        this.http = new CalendarHttp(timeout);
    }

    @Override
    public String type() {
        return "caldav_calendar";
    }

    @Override
    public String appId() {
        return "caldav-calendar";
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public List<ExternalCalendar> connect(CalendarAccount account) {
        URI start = CalendarHttp.uri(account.url());
        URI principal = propfind(account, start, "0", PROPFIND_PRINCIPAL).stream().findFirst()
                .flatMap(r -> r.hrefIn(Multistatus.DAV, "current-user-principal"))
                .map(start::resolve)
                .orElse(start);
        Optional<Multistatus.Response> principalProperties =
                propfind(account, principal, "0", PROPFIND_HOME).stream().findFirst();
        URI home = principalProperties.flatMap(r -> r.hrefIn(Multistatus.CALDAV, "calendar-home-set"))
                .map(principal::resolve)
                .orElse(principal);
        String email = principalProperties.flatMap(r -> r.property(Multistatus.CALDAV, "calendar-user-address-set"))
                .flatMap(set -> Multistatus.children(set, Multistatus.DAV, "href").stream()
                        .map(h -> h.getTextContent().trim())
                        .filter(h -> h.regionMatches(true, 0, "mailto:", 0, 7))
                        .map(h -> h.substring(7))
                        .findFirst())
                .orElse(null);
        List<ExternalCalendar> calendars = new ArrayList<>();
        for (Multistatus.Response response : propfind(account, home, "1", PROPFIND_CALENDARS)) {
            if (isEventCalendar(response)) {
                URI collection = home.resolve(response.href());
                String name = response.text(Multistatus.DAV, "displayname").orElse(lastSegment(collection));
                calendars.add(new ExternalCalendar(collection.toString(), name, !canWrite(response), email));
            }
        }
        return calendars;
    }

    private static boolean isEventCalendar(Multistatus.Response response) {
        boolean calendar = response.property(Multistatus.DAV, "resourcetype")
                .map(type -> !Multistatus.children(type, Multistatus.CALDAV, "calendar").isEmpty())
                .orElse(false);
        // A calendar that does not say which components it takes takes them all (RFC 4791 5.2.3).
        boolean events = response.property(Multistatus.CALDAV, "supported-calendar-component-set")
                .map(set -> Multistatus.children(set, Multistatus.CALDAV, "comp").stream()
                        .anyMatch(comp -> "VEVENT".equalsIgnoreCase(comp.getAttribute("name"))))
                .orElse(true);
        return calendar && events;
    }

    private static boolean canWrite(Multistatus.Response response) {
        Optional<Element> privileges = response.property(Multistatus.DAV, "current-user-privilege-set");
        if (privileges.isEmpty()) {
            return true;
        }
        return Multistatus.children(privileges.get(), Multistatus.DAV, "privilege").stream()
                .flatMap(p -> Multistatus.children(p).stream())
                .anyMatch(p -> Multistatus.DAV.equals(p.getNamespaceURI())
                        && List.of("all", "write", "write-content", "bind").contains(p.getLocalName()));
    }

    private static String lastSegment(URI collection) {
        String path = collection.getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    @Override
    public List<BusyTime> busyTimes(CalendarAccount account, List<String> externalIds, Instant from, Instant to) {
        String query = CALENDAR_QUERY.formatted(UTC_BASIC.format(from), UTC_BASIC.format(to));
        List<BusyTime> busy = new ArrayList<>();
        for (String externalId : externalIds) {
            URI collection = CalendarHttp.uri(externalId);
            HttpResponse<String> response = http.send(account, "REPORT", collection, query,
                    Map.of("Depth", "1", "Content-Type", XML));
            List<Multistatus.Response> resources = multistatus(response, "REPORT " + collection);
            for (Multistatus.Response resource : resources) {
                Optional<String> data = resource.property(Multistatus.CALDAV, "calendar-data")
                        .map(Element::getTextContent);
                if (data.isPresent() && !data.get().isBlank()) {
                    String what = "Event " + collection.resolve(resource.href());
                    busy.addAll(ICalendars.busyTimes(ICalendars.parse(data.get(), what), from, to, externalId));
                }
            }
        }
        return busy;
    }

    @Override
    public WrittenEvent create(CalendarAccount account, String externalId, CalendarEventDraft event) {
        URI collection = CalendarHttp.uri(externalId.endsWith("/") ? externalId : externalId + "/");
        URI href = collection.resolve(resourceName(event.uid()));
        return put(account, externalId, href, event, Map.of("If-None-Match", "*"))
                .orElseThrow(() -> new CalendarRefused("An event already exists at " + href));
    }

    @Override
    public WrittenEvent update(CalendarAccount account, WrittenEvent existing, CalendarEventDraft event) {
        URI href = CalendarHttp.uri(existing.href());
        Optional<WrittenEvent> written = put(account, existing.externalId(), href, event, ifMatch(existing.etag()));
        if (written.isPresent()) {
            return written.get();
        }
        // Someone changed or removed it since: their version loses to the booking, once.
        Optional<String> current = currentEtag(account, href);
        if (current.isEmpty()) {
            return put(account, existing.externalId(), href, event, Map.of("If-None-Match", "*"))
                    .orElseThrow(() -> new CalendarRefused("The event at " + href + " keeps changing"));
        }
        return put(account, existing.externalId(), href, event, ifMatch(current.get()))
                .orElseThrow(() -> new CalendarRefused("The event at " + href + " keeps changing"));
    }

    @Override
    public void delete(CalendarAccount account, WrittenEvent existing) {
        URI href = CalendarHttp.uri(existing.href());
        if (deleted(account, href, existing.etag())) {
            return;
        }
        Optional<String> current = currentEtag(account, href);
        if (current.isPresent() && !deleted(account, href, current.get())) {
            throw new CalendarRefused("The event at " + href + " keeps changing");
        }
    }

    /** Empty when a precondition failed (412), so the caller decides how to retry. */
    private Optional<WrittenEvent> put(CalendarAccount account, String externalId, URI href, CalendarEventDraft event,
            Map<String, String> conditions) {
        Map<String, String> headers = new LinkedHashMap<>(conditions);
        headers.put("Content-Type", ICALENDAR);
        HttpResponse<String> response = http.send(account, "PUT", href, ICalendars.write(event), headers);
        int status = response.statusCode();
        if (status == 412) {
            return Optional.empty();
        }
        if (status == 404 && conditions.containsKey("If-Match")) {
            return Optional.empty();
        }
        if (status < 200 || status > 299) {
            throw new CalendarRefused("PUT " + href + " answered HTTP " + status);
        }
        String etag = response.headers().firstValue("ETag")
                .or(() -> currentEtag(account, href))
                .orElseThrow(() -> new CalendarRefused("PUT " + href + " gave the event no ETag"));
        return Optional.of(new WrittenEvent(event.uid(), externalId, href.toString(), etag));
    }

    private boolean deleted(CalendarAccount account, URI href, String etag) {
        int status = http.send(account, "DELETE", href, null, ifMatch(etag)).statusCode();
        if (status == 412) {
            return false;
        }
        if ((status >= 200 && status <= 299) || status == 404 || status == 410) {
            return true;
        }
        throw new CalendarRefused("DELETE " + href + " answered HTTP " + status);
    }

    private Optional<String> currentEtag(CalendarAccount account, URI href) {
        HttpResponse<String> response = http.send(account, "PROPFIND", href, PROPFIND_ETAG,
                Map.of("Depth", "0", "Content-Type", XML));
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            return Optional.empty();
        }
        return multistatus(response, "PROPFIND " + href).stream().findFirst()
                .flatMap(r -> r.text(Multistatus.DAV, "getetag"));
    }

    private List<Multistatus.Response> propfind(CalendarAccount account, URI uri, String depth, String body) {
        HttpResponse<String> response = http.send(account, "PROPFIND", uri, body,
                Map.of("Depth", depth, "Content-Type", XML));
        return multistatus(response, "PROPFIND " + uri);
    }

    private static List<Multistatus.Response> multistatus(HttpResponse<String> response, String what) {
        if (response.statusCode() != 207) {
            throw new CalendarRefused(what + " answered HTTP " + response.statusCode()
                    + " where a CalDAV server answers 207 Multi-Status");
        }
        return Multistatus.parse(response.body(), what);
    }

    private static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }

    /** The UID made safe as one path segment: unreserved characters stay, the rest is percent-encoded. */
    static String resourceName(String uid) {
        StringBuilder name = new StringBuilder();
        for (byte b : uid.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return name + ".ics";
    }
}
