package com.calcomalt.calendar.connectors;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;

/**
 * Reading and writing iCalendar, with ical4j only. Times without a zone (floating times and
 * all-day DATE values) are read as UTC: a feed that gives no zone leaves no better choice, so an
 * all-day event is busy from 00:00 to 24:00 UTC of its day(s).
 */
final class ICalendars {

    private static final String PRODUCT = "-//cal.com.alt//calendar-connectors//EN";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private ICalendars() {
    }

    static Calendar parse(String text, String what) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException | RuntimeException e) {
            throw new CalendarRefused(what + " is not readable iCalendar: " + e.getMessage(), e);
        }
    }

    /**
     * The busy intervals of every VEVENT overlapping [from, to): the master of each UID expanded
     * with its RRULE, RDATE and EXDATE, minus the occurrences that an override (RECURRENCE-ID)
     * replaces, plus the overrides themselves. Transparent and cancelled events are free.
     */
    static List<BusyTime> busyTimes(Calendar calendar, Instant from, Instant to, String externalId) {
        Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            String uid = event.<Uid>getProperty(Property.UID).map(Uid::getValue).orElse("");
            byUid.computeIfAbsent(uid, u -> new ArrayList<>()).add(event);
        }
        List<BusyTime> busy = new ArrayList<>();
        byUid.forEach((uid, events) -> {
            Set<Instant> replaced = new HashSet<>();
            events.stream().map(ICalendars::recurrenceId).flatMap(Optional::stream).forEach(replaced::add);
            for (VEvent event : events) {
                boolean override = recurrenceId(event).isPresent();
                if (!blocksTime(event)) {
                    continue;
                }
                ZoneId zone = ianaZone(event.getProperty(Property.DTSTART));
                for (Period<Temporal> occurrence : occurrences(event, from, to, override)) {
                    Instant start = instant(occurrence.getStart(), zone);
                    Instant end = instant(occurrence.getEnd(), zone);
                    if (!override && replaced.contains(start)) {
                        continue;
                    }
                    if (end.equals(start) && occurrence.getStart() instanceof LocalDate) {
                        end = start.plus(java.time.Duration.ofDays(1));
                    }
                    if (start.isBefore(to) && end.isAfter(from)) {
                        busy.add(new BusyTime(start, end, uid, externalId));
                    }
                }
            }
        });
        return busy;
    }

    private static List<Period<Temporal>> occurrences(VEvent event, Instant from, Instant to, boolean override) {
        if (event.getProperty(Property.DTSTART).isEmpty()) {
            return List.of();
        }
        // An override is one occurrence: expanding it again with a copied RRULE would double it.
        if (override) {
            VEvent single = event.copy();
            single.removeAll(Property.RRULE, Property.RDATE, Property.EXDATE);
            event = single;
        }
        // ical4j compares the window with each occurrence in the event's own kind of time, so the
        // window is given in that kind, one day wider on each side for zones and all-day dates.
        Temporal seed = event.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow().getDate();
        Instant widenedFrom = from.minus(java.time.Duration.ofDays(1));
        Instant widenedTo = to.plus(java.time.Duration.ofDays(1));
        Period<Temporal> window = new Period<>(sameKind(seed, widenedFrom), sameKind(seed, widenedTo));
        return new ArrayList<>(event.<Temporal>calculateRecurrenceSet(window));
    }

    private static Temporal sameKind(Temporal seed, Instant instant) {
        if (seed instanceof LocalDate) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (seed instanceof LocalDateTime) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (seed instanceof ZonedDateTime zoned) {
            return instant.atZone(zoned.getZone());
        }
        if (seed instanceof OffsetDateTime offset) {
            return instant.atOffset(offset.getOffset());
        }
        return instant;
    }

    /**
     * ical4j turns each VTIMEZONE into zone rules of its own, and those put some times on the wrong
     * side of a daylight-saving switch (an RDATE of 11 March 2027 in New York came out at -04:00).
     * When the TZID is an IANA zone the JDK knows, its wall-clock time is read in the JDK's zone.
     */
    private static ZoneId ianaZone(Optional<? extends Property> property) {
        return property.flatMap(p -> p.<TzId>getParameter(Parameter.TZID)).map(TzId::getValue).map(id -> {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException unknown) {
                return null;
            }
        }).orElse(null);
    }

    private static Instant instant(Temporal temporal, ZoneId ianaZone) {
        if (ianaZone != null && temporal instanceof ZonedDateTime zoned) {
            return zoned.toLocalDateTime().atZone(ianaZone).toInstant();
        }
        return instant(temporal);
    }

    static Instant instant(Temporal temporal) {
        if (temporal instanceof Instant instant) {
            return instant;
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (temporal instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        throw new CalendarRefused("Unsupported iCalendar time: " + temporal);
    }

    private static boolean blocksTime(VEvent event) {
        boolean transparent = event.<Transp>getProperty(Property.TRANSP)
                .map(t -> Transp.VALUE_TRANSPARENT.equalsIgnoreCase(t.getValue())).orElse(false);
        boolean cancelled = event.<Status>getProperty(Property.STATUS)
                .map(s -> Status.VALUE_CANCELLED.equalsIgnoreCase(s.getValue())).orElse(false);
        return !transparent && !cancelled;
    }

    private static Optional<Instant> recurrenceId(VEvent event) {
        return event.<RecurrenceId<Temporal>>getProperty(Property.RECURRENCE_ID)
                .map(r -> instant(r.getDate(), ianaZone(Optional.of(r))));
    }

    /**
     * The event as a one-VEVENT calendar, its times in the organizer's time zone with that zone's
     * VTIMEZONE, so calendar apps show the booking as it was made; in UTC when the zone is unknown.
     */
    static String write(CalendarEventDraft draft) {
        VEvent event = new VEvent(false);
        event.add(new Uid(draft.uid()));
        event.add(new DtStamp(Instant.now()));
        Optional<VTimeZone> zone = vTimeZone(draft.timeZone());
        if (zone.isPresent()) {
            ZoneId id = ZoneId.of(draft.timeZone());
            event.add(new DtStart<>(draft.start().atZone(id)));
            event.add(new DtEnd<>(draft.end().atZone(id)));
        } else {
            event.add(new DtStart<>(draft.start()));
            event.add(new DtEnd<>(draft.end()));
        }
        event.add(new Summary(draft.title() == null ? "" : draft.title()));
        if (draft.description() != null) {
            event.add(new Description(draft.description()));
        }
        if (draft.location() != null) {
            event.add(new Location(draft.location()));
        }
        event.add(new Status(Status.VALUE_CONFIRMED));
        if (draft.organizer() != null && draft.organizer().email() != null) {
            Organizer organizer = new Organizer(mailto(draft.organizer().email()));
            if (draft.organizer().name() != null) {
                organizer.add(new Cn(draft.organizer().name()));
            }
            event.add(organizer);
        }
        for (CalendarEventDraft.Person person : draft.attendees()) {
            Attendee attendee = new Attendee(mailto(person.email()));
            if (person.name() != null) {
                attendee.add(new Cn(person.name()));
            }
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(PartStat.ACCEPTED);
            event.add(attendee);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(new Version(Version.VALUE_2_0, Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        zone.ifPresent(calendar::add);
        calendar.add(event);
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a StringWriter cannot fail", e);
        }
        return text.toString();
    }

    private static Optional<VTimeZone> vTimeZone(String timeZone) {
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone) || "UTC".equals(timeZone)) {
            return Optional.empty();
        }
        return Optional.ofNullable(ZONES.getTimeZone(timeZone)).map(net.fortuna.ical4j.model.TimeZone::getVTimeZone);
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email.replace(" ", "%20"));
    }
}
