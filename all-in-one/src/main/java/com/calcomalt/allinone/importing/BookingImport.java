package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SourceRows.instant;
import static com.calcomalt.allinone.importing.SourceRows.integer;
import static com.calcomalt.allinone.importing.SourceRows.object;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.UtmParameters;
import com.calcomalt.rules.scheduling.BookingState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Bookings with their attendees, seats, references and tracking, as the events of each booking's
 * story: it is requested with its final status, then the event that explains that status (a
 * cancellation, a reschedule or a decline), its further seats, its references, its internal notes,
 * its rating and who
 * did not come. The booking registry fills the booked ranges from them, so a host's accepted and
 * pending bookings must not overlap, buffers included: those that do are reported.
 */
final class BookingImport {

    /** The tables this import writes, in the order of its counts. */
    static final List<String> TABLES = List.of("Booking", "Attendee", "BookingSeat", "BookingReference", "Tracking",
            "BookingInternalNote");

    /** @param bookingIds the bookings written, for the sections whose rows name a booking */
    record Result(List<DomainEventMessage<?>> events, Map<String, Integer> counts, Map<String, Integer> maxIds,
                  Set<Integer> bookingIds) {
    }

    private BookingImport() {
    }

    private record Seat(int id, String referenceUid, int bookingId, int attendeeId, Map<String, Object> data,
                        Map<String, Object> metadata) {
    }

    private record Reference(int id, int bookingId, String type, String uid, String meetingId, String meetingPassword,
                             String meetingUrl, boolean deleted, String externalCalendarId, Integer credentialId,
                             String thirdPartyRecurringEventId) {
    }

    private record Note(int id, String text, int createdById, Instant createdAt) {
    }

    private record Person(BookingAttendee attendee, int bookingId, boolean noShow) {
    }

    static Result read(Connection source, ImportedSoFar imported, Map<Integer, EventTypeImport.Facts> eventTypes,
                       List<RuleBreak> breaks) throws SQLException {
        Set<Integer> bookingIds = new HashSet<>();
        try (var statement = source.createStatement();
             var rows = statement.executeQuery("select id from \"Booking\"")) {
            while (rows.next()) {
                bookingIds.add(rows.getInt(1));
            }
        }
        Map<Integer, Person> people = new LinkedHashMap<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, email, name, "timeZone", "bookingId", locale, "phoneNumber", "noShow"
                from "Attendee" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                Integer bookingId = integer(rows, "bookingId");
                if (bookingId == null || !bookingIds.contains(bookingId)) {
                    breaks.add(new RuleBreak("Attendee", id, "booking " + bookingId + " does not exist"));
                    continue;
                }
                people.put(id, new Person(new BookingAttendee(id, rows.getString("name"), rows.getString("email"),
                        rows.getString("timeZone"), rows.getString("locale"), rows.getString("phoneNumber")),
                        bookingId, Boolean.TRUE.equals(rows.getObject("noShow"))));
            }
        }
        Map<Integer, List<Seat>> seats = new HashMap<>();
        Set<Integer> seatHolders = new HashSet<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, "referenceUid", "bookingId", "attendeeId", data::text, metadata::text
                from "BookingSeat" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                int bookingId = rows.getInt("bookingId");
                int attendeeId = rows.getInt("attendeeId");
                Person holder = people.get(attendeeId);
                if (!bookingIds.contains(bookingId) || holder == null || holder.bookingId() != bookingId) {
                    breaks.add(new RuleBreak("BookingSeat", id, "booking " + bookingId + " or its attendee "
                            + attendeeId + " does not exist"));
                    continue;
                }
                seatHolders.add(attendeeId);
                seats.computeIfAbsent(bookingId, b -> new ArrayList<>()).add(new Seat(id,
                        rows.getString("referenceUid"), bookingId, attendeeId, object(rows.getString("data")),
                        object(rows.getString("metadata"))));
            }
        }
        Map<Integer, List<Person>> attendees = new HashMap<>();
        people.values().stream().filter(p -> !seatHolders.contains(p.attendee().attendeeId()))
                .forEach(p -> attendees.computeIfAbsent(p.bookingId(), b -> new ArrayList<>()).add(p));
        Map<Integer, UtmParameters> tracking = new HashMap<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, "bookingId", utm_source, utm_medium, utm_campaign, utm_term, utm_content
                from "Tracking" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                int bookingId = rows.getInt("bookingId");
                if (!bookingIds.contains(bookingId)) {
                    breaks.add(new RuleBreak("Tracking", id, "booking " + bookingId + " does not exist"));
                    continue;
                }
                tracking.put(bookingId, new UtmParameters(id, rows.getString("utm_source"),
                        rows.getString("utm_medium"), rows.getString("utm_campaign"), rows.getString("utm_term"),
                        rows.getString("utm_content")));
            }
        }
        Map<Integer, List<Reference>> references = new HashMap<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, "bookingId", type, uid, "meetingId", "meetingPassword", "meetingUrl", deleted,
                       "externalCalendarId", "credentialId", "thirdPartyRecurringEventId"
                from "BookingReference" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                Integer bookingId = integer(rows, "bookingId");
                if (bookingId == null || !bookingIds.contains(bookingId)) {
                    breaks.add(new RuleBreak("BookingReference", id, "booking " + bookingId + " does not exist"));
                    continue;
                }
                references.computeIfAbsent(bookingId, b -> new ArrayList<>()).add(new Reference(id, bookingId,
                        rows.getString("type"), rows.getString("uid"), rows.getString("meetingId"),
                        rows.getString("meetingPassword"), rows.getString("meetingUrl"),
                        Boolean.TRUE.equals(rows.getObject("deleted")), rows.getString("externalCalendarId"),
                        integer(rows, "credentialId"), rows.getString("thirdPartyRecurringEventId")));
            }
        }
        Map<Integer, List<Note>> notes = new HashMap<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, text, "bookingId", "createdById", "createdAt" from "BookingInternalNote" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                int bookingId = rows.getInt("bookingId");
                int author = rows.getInt("createdById");
                if (!bookingIds.contains(bookingId) || !imported.users().containsKey(author)) {
                    breaks.add(new RuleBreak("BookingInternalNote", id, "booking " + bookingId + " or author "
                            + author + " does not exist or breaks a rule"));
                    continue;
                }
                notes.computeIfAbsent(bookingId, b -> new ArrayList<>()).add(new Note(id, rows.getString("text"),
                        author, instant(rows, "createdAt")));
            }
        }
        Map<String, String> rescheduledTo = new HashMap<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select uid, "fromReschedule" from "Booking" where "fromReschedule" is not null""")) {
            while (rows.next()) {
                rescheduledTo.put(rows.getString(2), rows.getString(1));
            }
        }

        List<DomainEventMessage<?>> events = new ArrayList<>();
        Map<Integer, TreeMap<Instant, Instant>> busy = new HashMap<>();
        Map<String, Integer> seatedSlots = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<Integer> written = new HashSet<>();
        TABLES.forEach(t -> counts.put(t, 0));
        try (var statement = source.createStatement(); var rows = statement.executeQuery("""
                select id, uid, "userId", "eventTypeId", title, description, "startTime", "endTime", "createdAt",
                       "updatedAt", location, status::text, "cancellationReason", "rejectionReason",
                       "fromReschedule", rescheduled, "customInputs"::text, "smsReminderNumber", metadata::text,
                       responses::text, "iCalSequence", "iCalUID", "userPrimaryEmail", "idempotencyKey",
                       "noShowHost", rating, "ratingFeedback", "cancelledBy", "rescheduledBy",
                       "creationSource"::text
                from "Booking" order by id""")) {
            while (rows.next()) {
                int id = rows.getInt("id");
                String uid = rows.getString("uid");
                Integer userId = integer(rows, "userId");
                Integer eventTypeId = integer(rows, "eventTypeId");
                EventTypeImport.Facts eventType = eventTypeId == null ? null : eventTypes.get(eventTypeId);
                UserRegistered organizer = userId == null ? null : imported.users().get(userId);
                BookingStatus status = BookingStatus.valueOf(rows.getString("status"));
                Instant start = instant(rows, "startTime");
                Instant end = instant(rows, "endTime");
                List<Person> listed = attendees.getOrDefault(id, List.of());
                List<Seat> held = seats.getOrDefault(id, List.of());
                List<Integer> hostIds = hostIds(userId, eventType, listed, imported);
                int before = eventType == null ? 0 : eventType.beforeEventBuffer();
                int after = eventType == null ? 0 : eventType.afterEventBuffer();
                String broken = null;
                if (userId != null && organizer == null) {
                    broken = "user " + userId + " does not exist or breaks a rule";
                } else if (eventTypeId != null && eventType == null) {
                    broken = "event type " + eventTypeId + " does not exist or breaks a rule";
                } else if (BookingState.takingPlace(status)) {
                    broken = overlap(busy, hostIds, start.minus(Duration.ofMinutes(before)),
                            end.plus(Duration.ofMinutes(after)), id);
                    if (broken == null && !held.isEmpty()) {
                        Integer first = seatedSlots.putIfAbsent(eventTypeId + "/" + start, id);
                        if (first != null) {
                            broken = "seated booking " + first + " of event type " + eventTypeId + " starts at "
                                    + start + " already";
                        }
                    }
                }
                if (broken != null) {
                    breaks.add(new RuleBreak("Booking", id, broken));
                    String because = "booking " + id + " breaks a rule";
                    listed.forEach(p -> breaks.add(new RuleBreak("Attendee", p.attendee().attendeeId(), because)));
                    held.forEach(s -> {
                        breaks.add(new RuleBreak("BookingSeat", s.id(), because));
                        breaks.add(new RuleBreak("Attendee", s.attendeeId(), because));
                    });
                    references.getOrDefault(id, List.of())
                            .forEach(r -> breaks.add(new RuleBreak("BookingReference", r.id(), because)));
                    notes.getOrDefault(id, List.of())
                            .forEach(n -> breaks.add(new RuleBreak("BookingInternalNote", n.id(), because)));
                    if (tracking.containsKey(id)) {
                        breaks.add(new RuleBreak("Tracking", tracking.get(id).trackingId(), because));
                    }
                    continue;
                }
                if (BookingState.takingPlace(status)) {
                    for (Integer host : hostIds) {
                        busy.computeIfAbsent(host, h -> new TreeMap<>()).put(start.minus(Duration.ofMinutes(before)),
                                end.plus(Duration.ofMinutes(after)));
                    }
                }
                Instant createdAt = instant(rows, "createdAt");
                Instant updatedAt = instant(rows, "updatedAt");
                Instant changedAt = updatedAt != null ? updatedAt : createdAt;
                boolean rescheduled = Boolean.TRUE.equals(rows.getObject("rescheduled"));
                String creationSource = rows.getString("creationSource");
                BookingSeatData firstSeat = held.isEmpty() ? null : seat(held.get(0), people);
                String aggregate = BookingIds.aggregateId(uid);
                Story story = new Story(aggregate, events);
                story.add(new BookingRequested(id, uid, eventTypeId, userId, hostIds,
                        rows.getString("userPrimaryEmail"), rows.getString("title"), rows.getString("description"),
                        start, end, before, after, rows.getString("location"), status,
                        listed.stream().map(Person::attendee).toList(), object(rows.getString("responses")),
                        object(rows.getString("customInputs")), object(rows.getString("metadata")),
                        rows.getString("smsReminderNumber"), rows.getString("iCalUID"), rows.getInt("iCalSequence"),
                        rows.getString("idempotencyKey"), rows.getString("fromReschedule"),
                        rescheduled ? null : rows.getString("rescheduledBy"), firstSeat, tracking.get(id),
                        creationSource == null ? null : CreationSource.valueOf(creationSource),
                        userId == null ? 0 : userId, snapshot(eventType, organizer), createdAt), createdAt);
                boolean rowChanged = false;
                if (status == BookingStatus.cancelled && rescheduled) {
                    story.add(new BookingRescheduled(uid, id, rescheduledTo.get(uid),
                            rows.getString("cancellationReason"), rows.getString("rescheduledBy"), updatedAt),
                            changedAt);
                    rowChanged = true;
                } else if (status == BookingStatus.cancelled) {
                    story.add(new BookingCancelled(uid, id, rows.getString("cancellationReason"),
                            rows.getString("cancelledBy"), updatedAt), changedAt);
                    rowChanged = true;
                } else if (status == BookingStatus.rejected) {
                    story.add(new BookingDeclined(uid, id, rows.getString("rejectionReason"),
                            userId == null ? 0 : userId, updatedAt), changedAt);
                    rowChanged = true;
                }
                for (Seat more : held.subList(Math.min(1, held.size()), held.size())) {
                    story.add(new BookingSeatBooked(uid, id, seat(more, people), updatedAt), changedAt);
                    rowChanged = true;
                }
                for (Reference r : references.getOrDefault(id, List.of())) {
                    story.add(new BookingReferenceAdded(uid, id, r.id(), r.type(), r.uid(), r.meetingId(),
                            r.meetingPassword(), r.meetingUrl(), r.externalCalendarId(), r.credentialId(),
                            r.thirdPartyRecurringEventId(), createdAt), createdAt);
                    if (r.deleted()) {
                        story.add(new BookingReferenceRemoved(uid, id, r.id(), changedAt), changedAt);
                    }
                }
                for (Note note : notes.getOrDefault(id, List.of())) {
                    story.add(new BookingInternalNoteAdded(uid, id, note.id(), note.text(), note.createdById(),
                            note.createdAt()), note.createdAt());
                }
                Integer rating = integer(rows, "rating");
                if (rating != null) {
                    story.add(new BookingRated(uid, id, rating, rows.getString("ratingFeedback"), updatedAt),
                            changedAt);
                    rowChanged = true;
                }
                List<AttendeeAbsence> absent = new ArrayList<>();
                List<Person> present = new ArrayList<>(listed);
                held.forEach(seat -> present.add(people.get(seat.attendeeId())));
                present.stream().filter(Person::noShow).forEach(p -> absent.add(
                        new AttendeeAbsence(p.attendee().attendeeId(), p.attendee().email(), true)));
                boolean noShowHost = Boolean.TRUE.equals(rows.getObject("noShowHost"));
                // An absence that names no one is how a row changed by nothing we carry gets its updatedAt.
                if (noShowHost || !absent.isEmpty() || (!rowChanged && updatedAt != null)) {
                    story.add(new BookingAbsenceMarked(uid, id, noShowHost ? Boolean.TRUE : null, absent, updatedAt),
                            changedAt);
                }
                written.add(id);
                counts.merge("Booking", 1, Integer::sum);
                counts.merge("Attendee", listed.size() + held.size(), Integer::sum);
                counts.merge("BookingSeat", held.size(), Integer::sum);
                counts.merge("BookingReference", references.getOrDefault(id, List.of()).size(), Integer::sum);
                counts.merge("Tracking", tracking.containsKey(id) ? 1 : 0, Integer::sum);
                counts.merge("BookingInternalNote", notes.getOrDefault(id, List.of()).size(), Integer::sum);
            }
        }
        Map<String, Integer> maxIds = new LinkedHashMap<>();
        for (String table : TABLES) {
            maxIds.put(table, CalcomImport.maxId(source, table));
        }
        return new Result(events, counts, maxIds, written);
    }

    /** One booking's events, numbered in its stream. */
    private static final class Story {
        private final String aggregate;
        private final List<DomainEventMessage<?>> events;
        private int sequence;

        Story(String aggregate, List<DomainEventMessage<?>> events) {
            this.aggregate = aggregate;
            this.events = events;
        }

        void add(Object payload, Instant at) {
            events.add(CalcomImport.event("Booking", aggregate, sequence++, payload, at));
        }
    }

    /**
     * The organizer first, then for a collective event type the other hosts, whom cal.com lists as
     * the booking's last attendees.
     */
    private static List<Integer> hostIds(Integer userId, EventTypeImport.Facts eventType, List<Person> listed,
                                         ImportedSoFar imported) {
        if (userId == null) {
            return List.of();
        }
        List<Integer> ids = new ArrayList<>(List.of(userId));
        if (eventType == null || eventType.schedulingType() != SchedulingType.collective) {
            return ids;
        }
        Map<String, Integer> hostByEmail = new HashMap<>();
        eventType.hostUserIds().forEach(h -> hostByEmail.put(
                imported.users().get(h).email().toLowerCase(Locale.ROOT), h));
        List<Integer> others = new ArrayList<>();
        for (int i = listed.size() - 1; i >= 0; i--) {
            Integer host = hostByEmail.get(listed.get(i).attendee().email().toLowerCase(Locale.ROOT));
            if (host == null || host.equals(userId) || others.contains(host)) {
                break;
            }
            others.add(0, host);
        }
        ids.addAll(others);
        return ids;
    }

    /** The first booking of a host that overlaps this range, or null; ranges touching at an end do not overlap. */
    private static String overlap(Map<Integer, TreeMap<Instant, Instant>> busy, List<Integer> hostIds, Instant from,
                                  Instant to, int bookingId) {
        for (Integer host : hostIds) {
            TreeMap<Instant, Instant> taken = busy.get(host);
            if (taken == null) {
                continue;
            }
            var before = taken.floorEntry(from);
            var next = taken.ceilingEntry(from);
            if ((before != null && before.getValue().isAfter(from)) || (next != null && next.getKey().isBefore(to))) {
                return "host " + host + " has an accepted or pending booking overlapping " + from + " to " + to
                        + " (buffers included) already";
            }
        }
        return null;
    }

    private static BookingSeatData seat(Seat seat, Map<Integer, Person> people) {
        return new BookingSeatData(seat.id(), seat.referenceUid(), people.get(seat.attendeeId()).attendee(),
                seat.data(), seat.metadata());
    }

    private static BookingHostSnapshot snapshot(EventTypeImport.Facts eventType, UserRegistered organizer) {
        return new BookingHostSnapshot(eventType == null ? null : eventType.teamId(),
                eventType == null ? null : eventType.length(), eventType == null ? null : eventType.parentId(),
                organizer == null ? null : organizer.email(), organizer == null ? null : organizer.name(),
                organizer == null ? null : organizer.username());
    }
}
