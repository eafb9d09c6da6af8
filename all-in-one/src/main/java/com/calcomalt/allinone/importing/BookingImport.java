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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Bookings with their attendees, seats, references and tracking, as the events of each booking's
 * story: it is requested with its final status, then the event that explains that status (a
 * cancellation, a reschedule or a decline), its further seats, its references, its internal notes,
 * its rating and who
 * did not come. The booking registry fills the booked ranges from them, so a host's accepted and
 * pending bookings must not overlap, buffers included: those that do are reported, and left out unless the
 * operator imports them as they are (then each range over an earlier one is marked for the registry to keep).
 */
final class BookingImport {

    /** The tables this import writes, in the order of its counts. */
    static final List<String> TABLES = List.of("Booking", "Attendee", "BookingSeat", "BookingReference", "Tracking",
            "BookingInternalNote");

    /**
     * @param bookingIds the bookings written, for the sections whose rows name a booking
     * @param events how many events their stories take
     */
    record Result(Map<String, Integer> counts, Map<String, Integer> maxIds, Set<Integer> bookingIds, int events) {
    }

    private BookingImport() {
    }

    private record Seat(int id, String referenceUid, int attendeeId, Map<String, Object> data,
                        Map<String, Object> metadata) {
    }

    private record Reference(int id, String type, String uid, String meetingId, String meetingPassword,
                             String meetingUrl, boolean deleted, String externalCalendarId, Integer credentialId,
                             String thirdPartyRecurringEventId) {
    }

    private record Note(int id, String text, int createdById, Instant createdAt) {
    }

    private record Person(BookingAttendee attendee, boolean noShow) {
    }

    /**
     * Reads and checks every booking with its rows, reporting what breaks a rule; keeps none of their events.
     *
     * @param asIs where the overlapping bookings go that are imported as they are, or null to leave them out
     */
    static Result read(Connection source, ImportedSoFar imported, Map<Integer, EventTypeImport.Facts> eventTypes,
                       List<RuleBreak> breaks, List<RuleBreak> asIs) throws SQLException {
        int[] events = {0};
        BitSet written = new BitSet();
        Map<String, Integer> counts = walk(source, imported, eventTypes, breaks, asIs, written,
                event -> events[0]++);
        Map<String, Integer> maxIds = new LinkedHashMap<>();
        for (String table : TABLES) {
            maxIds.put(table, CalcomImport.maxId(source, table));
        }
        return new Result(counts, maxIds, new IdSet(written), events[0]);
    }

    /**
     * Reads the bookings again in the same snapshot and gives each written booking's story to {@code events}, in
     * the order of their ids: the same checks on the same rows leave out the same rows {@link #read} reported.
     */
    static void write(Connection source, ImportedSoFar imported, Map<Integer, EventTypeImport.Facts> eventTypes,
                      boolean asIs, Consumer<DomainEventMessage<?>> events) throws SQLException {
        walk(source, imported, eventTypes, new ArrayList<>(), asIs ? new ArrayList<>() : null, new BitSet(), events);
    }

    /**
     * One pass over the bookings in the order of their ids, each child table merged in by a cursor of its own
     * ordered by booking id: only one booking's rows are in memory at a time. What the rules need of earlier
     * bookings is kept only for those the database finds taking part in an overlap or a shared seated slot.
     */
    private static Map<String, Integer> walk(Connection source, ImportedSoFar imported,
                                             Map<Integer, EventTypeImport.Facts> eventTypes, List<RuleBreak> breaks,
                                             List<RuleBreak> asIs, BitSet written,
                                             Consumer<DomainEventMessage<?>> events)
            throws SQLException {
        Set<Integer> overlapping = ids(source, OVERLAPPING);
        Set<Integer> sharingSeatedSlots = ids(source, SHARING_SEATED_SLOTS);
        Map<Integer, TreeMap<Instant, Instant>> busy = new HashMap<>();
        Map<String, Integer> seatedSlots = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, 0));
        try (var attendeeRows = new Children<>(source, "Attendee", """
                     select id, email, name, "timeZone", "bookingId", locale, "phoneNumber", "noShow"
                     from "Attendee" order by "bookingId" nulls first, id""",
                     rows -> new Person(new BookingAttendee(rows.getInt("id"), rows.getString("name"),
                             rows.getString("email"), rows.getString("timeZone"), rows.getString("locale"),
                             rows.getString("phoneNumber")), Boolean.TRUE.equals(rows.getObject("noShow"))),
                     (rows, bookingId) -> "booking " + bookingId + " does not exist");
             var seatRows = new Children<>(source, "BookingSeat", """
                     select id, "referenceUid", "bookingId", "attendeeId", data::text, metadata::text
                     from "BookingSeat" order by "bookingId", id""",
                     rows -> new Seat(rows.getInt("id"), rows.getString("referenceUid"), rows.getInt("attendeeId"),
                             object(rows.getString("data")), object(rows.getString("metadata"))),
                     (rows, bookingId) -> "booking " + bookingId + " or its attendee " + rows.getInt("attendeeId")
                             + " does not exist");
             var trackingRows = new Children<>(source, "Tracking", """
                     select id, "bookingId", utm_source, utm_medium, utm_campaign, utm_term, utm_content
                     from "Tracking" order by "bookingId", id""",
                     rows -> new UtmParameters(rows.getInt("id"), rows.getString("utm_source"),
                             rows.getString("utm_medium"), rows.getString("utm_campaign"), rows.getString("utm_term"),
                             rows.getString("utm_content")),
                     (rows, bookingId) -> "booking " + bookingId + " does not exist");
             var referenceRows = new Children<>(source, "BookingReference", """
                     select id, "bookingId", type, uid, "meetingId", "meetingPassword", "meetingUrl", deleted,
                            "externalCalendarId", "credentialId", "thirdPartyRecurringEventId"
                     from "BookingReference" order by "bookingId" nulls first, id""",
                     rows -> new Reference(rows.getInt("id"), rows.getString("type"), rows.getString("uid"),
                             rows.getString("meetingId"), rows.getString("meetingPassword"),
                             rows.getString("meetingUrl"), Boolean.TRUE.equals(rows.getObject("deleted")),
                             rows.getString("externalCalendarId"), integer(rows, "credentialId"),
                             rows.getString("thirdPartyRecurringEventId")),
                     (rows, bookingId) -> "booking " + bookingId + " does not exist");
             var noteRows = new Children<>(source, "BookingInternalNote", """
                     select id, text, "bookingId", "createdById", "createdAt" from "BookingInternalNote"
                     order by "bookingId", id""",
                     rows -> new Note(rows.getInt("id"), rows.getString("text"), rows.getInt("createdById"),
                             instant(rows, "createdAt")),
                     (rows, bookingId) -> "booking " + bookingId + " or author " + rows.getInt("createdById")
                             + " does not exist or breaks a rule");
             var statement = source.createStatement();
             var rows = statement.executeQuery("""
                select b.id, b.uid, b."userId", b."eventTypeId", b.title, b.description, b."startTime", b."endTime",
                       b."createdAt", b."updatedAt", b.location, b.status::text, b."cancellationReason",
                       b."rejectionReason", b."fromReschedule", b.rescheduled, b."customInputs"::text,
                       b."smsReminderNumber", b.metadata::text, b.responses::text, b."iCalSequence", b."iCalUID",
                       b."userPrimaryEmail", b."idempotencyKey", b."noShowHost", b.rating, b."ratingFeedback",
                       b."cancelledBy", b."rescheduledBy", b."creationSource"::text, r."rescheduledTo"
                from "Booking" b
                left join (select distinct on ("fromReschedule") "fromReschedule", uid as "rescheduledTo"
                           from "Booking" where "fromReschedule" is not null
                           order by "fromReschedule", id desc) r on r."fromReschedule" = b.uid
                order by b.id""")) {
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
                Map<Integer, Person> people = new LinkedHashMap<>();
                attendeeRows.of(id, breaks).forEach(p -> people.put(p.attendee().attendeeId(), p));
                List<Seat> held = new ArrayList<>();
                for (Seat seat : seatRows.of(id, breaks)) {
                    if (people.containsKey(seat.attendeeId())) {
                        held.add(seat);
                    } else {
                        breaks.add(new RuleBreak("BookingSeat", seat.id(), "booking " + id + " or its attendee "
                                + seat.attendeeId() + " does not exist"));
                    }
                }
                Set<Integer> seatHolders = new HashSet<>();
                held.forEach(s -> seatHolders.add(s.attendeeId()));
                List<Person> listed = people.values().stream()
                        .filter(p -> !seatHolders.contains(p.attendee().attendeeId())).toList();
                List<UtmParameters> tracked = trackingRows.of(id, breaks);
                UtmParameters tracking = tracked.isEmpty() ? null : tracked.get(tracked.size() - 1);
                List<Reference> references = referenceRows.of(id, breaks);
                List<Note> notes = new ArrayList<>();
                for (Note note : noteRows.of(id, breaks)) {
                    if (imported.users().containsKey(note.createdById())) {
                        notes.add(note);
                    } else {
                        breaks.add(new RuleBreak("BookingInternalNote", note.id(), "booking " + id + " or author "
                                + note.createdById() + " does not exist or breaks a rule"));
                    }
                }
                List<Integer> hostIds = hostIds(userId, eventType, listed, imported);
                int before = eventType == null ? 0 : eventType.beforeEventBuffer();
                int after = eventType == null ? 0 : eventType.afterEventBuffer();
                String broken = null;
                boolean overlapsAsIs = false;
                if (userId != null && organizer == null) {
                    broken = "user " + userId + " does not exist or breaks a rule";
                } else if (eventTypeId != null && eventType == null) {
                    broken = "event type " + eventTypeId + " does not exist or breaks a rule";
                } else if (BookingState.takingPlace(status)) {
                    if (overlapping.contains(id)) {
                        broken = overlap(busy, hostIds, start.minus(Duration.ofMinutes(before)),
                                end.plus(Duration.ofMinutes(after)));
                        if (broken != null && asIs != null) {
                            asIs.add(new RuleBreak("Booking", id, broken));
                            overlapsAsIs = true;
                            broken = null;
                        }
                    }
                    if (broken == null && !held.isEmpty() && sharingSeatedSlots.contains(id)) {
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
                    references.forEach(r -> breaks.add(new RuleBreak("BookingReference", r.id(), because)));
                    notes.forEach(n -> breaks.add(new RuleBreak("BookingInternalNote", n.id(), because)));
                    if (tracking != null) {
                        breaks.add(new RuleBreak("Tracking", tracking.trackingId(), because));
                    }
                    continue;
                }
                if (BookingState.takingPlace(status) && overlapping.contains(id)) {
                    for (Integer host : hostIds) {
                        // Bookings imported as they are may share a start: the later end counts.
                        busy.computeIfAbsent(host, h -> new TreeMap<>()).merge(start.minus(Duration.ofMinutes(before)),
                                end.plus(Duration.ofMinutes(after)), (a, b) -> a.isAfter(b) ? a : b);
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
                        rescheduled ? null : rows.getString("rescheduledBy"), firstSeat, tracking,
                        creationSource == null ? null : CreationSource.valueOf(creationSource),
                        userId == null ? 0 : userId, snapshot(eventType, organizer), createdAt), createdAt,
                        overlapsAsIs);
                boolean rowChanged = false;
                if (status == BookingStatus.cancelled && rescheduled) {
                    story.add(new BookingRescheduled(uid, id, rows.getString("rescheduledTo"),
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
                for (Reference r : references) {
                    story.add(new BookingReferenceAdded(uid, id, r.id(), r.type(), r.uid(), r.meetingId(),
                            r.meetingPassword(), r.meetingUrl(), r.externalCalendarId(), r.credentialId(),
                            r.thirdPartyRecurringEventId(), createdAt), createdAt);
                    if (r.deleted()) {
                        story.add(new BookingReferenceRemoved(uid, id, r.id(), changedAt), changedAt);
                    }
                }
                for (Note note : notes) {
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
                written.set(id);
                counts.merge("Booking", 1, Integer::sum);
                counts.merge("Attendee", listed.size() + held.size(), Integer::sum);
                counts.merge("BookingSeat", held.size(), Integer::sum);
                counts.merge("BookingReference", references.size(), Integer::sum);
                counts.merge("Tracking", tracking != null ? 1 : 0, Integer::sum);
                counts.merge("BookingInternalNote", notes.size(), Integer::sum);
            }
            for (Children<?> children : List.of(attendeeRows, seatRows, trackingRows, referenceRows, noteRows)) {
                children.rest(breaks);
            }
        }
        return counts;
    }

    /**
     * The accepted and pending bookings whose range (buffers included) overlaps another's of a host they share:
     * only these need their ranges kept while walking. A collective booking counts for every host of its event type,
     * more than the hosts it names, so none is missed. Ranges are ordered by start per host: a booking overlaps an
     * earlier one when the latest end before it is after its start, a later one when the next start is before its
     * end, and one of the same start when either of them is not empty.
     */
    private static final String OVERLAPPING = """
            with hosts as (
                select b.id, b."userId" as host, b."eventTypeId" from "Booking" b
                where b.status in ('accepted', 'pending') and b."userId" is not null
                union
                select b.id, h."userId", b."eventTypeId" from "Booking" b
                join "EventType" e on e.id = b."eventTypeId" and e."schedulingType" = 'collective'
                join "Host" h on h."eventTypeId" = e.id
                where b.status in ('accepted', 'pending')
            ), ranges as (
                select h.id, h.host,
                       b."startTime" - make_interval(mins => coalesce(e."beforeEventBuffer", 0)) as starts,
                       b."endTime" + make_interval(mins => coalesce(e."afterEventBuffer", 0)) as ends
                from hosts h join "Booking" b on b.id = h.id left join "EventType" e on e.id = h."eventTypeId"
            ), neighbours as (
                select id, starts, ends,
                       max(ends) over (partition by host order by starts, id
                                       rows between unbounded preceding and 1 preceding) as "endBefore",
                       lead(starts) over (partition by host order by starts, id) as "nextStart",
                       count(*) over (partition by host, starts) as "sameStart",
                       max(ends) over (partition by host, starts) as "sameStartEnd"
                from ranges
            )
            select distinct id from neighbours
            where "endBefore" > starts or "nextStart" < ends or ("sameStart" > 1 and "sameStartEnd" > starts)""";

    /** Accepted and pending bookings with seats that share their event type and start with another such booking. */
    private static final String SHARING_SEATED_SLOTS = """
            select id from (
                select b.id, count(*) over (partition by b."eventTypeId", b."startTime") as sharing
                from "Booking" b
                where b.status in ('accepted', 'pending') and exists (select 1 from "BookingSeat" s where s."bookingId" = b.id)
            ) seated where sharing > 1""";

    private static Set<Integer> ids(Connection source, String sql) throws SQLException {
        Set<Integer> ids = new HashSet<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    /**
     * A child table read by a cursor ordered by booking id, merged with the bookings' cursor: each booking takes
     * its rows, and rows passed over (of a booking that does not exist) are reported.
     */
    private static final class Children<T> implements AutoCloseable {

        interface Mapper<T> {
            T map(ResultSet row) throws SQLException;
        }

        interface Dangling {
            String rule(ResultSet row, Integer bookingId) throws SQLException;
        }

        private final String table;
        private final Statement statement;
        private final ResultSet rows;
        private final Mapper<T> mapper;
        private final Dangling dangling;
        private boolean more;

        Children(Connection source, String table, String sql, Mapper<T> mapper, Dangling dangling)
                throws SQLException {
            this.table = table;
            this.statement = source.createStatement();
            this.rows = statement.executeQuery(sql);
            this.mapper = mapper;
            this.dangling = dangling;
            this.more = rows.next();
        }

        List<T> of(int bookingId, List<RuleBreak> breaks) throws SQLException {
            List<T> taken = new ArrayList<>();
            while (more) {
                Integer owner = integer(rows, "bookingId");
                if (owner != null && owner > bookingId) {
                    break;
                }
                if (owner != null && owner == bookingId) {
                    taken.add(mapper.map(rows));
                } else {
                    breaks.add(new RuleBreak(table, rows.getInt("id"), dangling.rule(rows, owner)));
                }
                more = rows.next();
            }
            return taken;
        }

        /** The rows after the last booking's: of bookings that do not exist. */
        void rest(List<RuleBreak> breaks) throws SQLException {
            while (more) {
                breaks.add(new RuleBreak(table, rows.getInt("id"), dangling.rule(rows, integer(rows, "bookingId"))));
                more = rows.next();
            }
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                rows.close();
            }
        }
    }

    /** Written booking ids, one bit each, for the sections to ask whether a booking is there. */
    private static final class IdSet extends AbstractSet<Integer> {
        private final BitSet ids;

        IdSet(BitSet ids) {
            this.ids = ids;
        }

        @Override
        public boolean contains(Object id) {
            return id instanceof Integer i && i >= 0 && ids.get(i);
        }

        @Override
        public Iterator<Integer> iterator() {
            return ids.stream().iterator();
        }

        @Override
        public int size() {
            return ids.cardinality();
        }
    }

    /** One booking's events, numbered in its stream. */
    private static final class Story {
        private final String aggregate;
        private final Consumer<DomainEventMessage<?>> events;
        private int sequence;

        Story(String aggregate, Consumer<DomainEventMessage<?>> events) {
            this.aggregate = aggregate;
            this.events = events;
        }

        void add(Object payload, Instant at) {
            add(payload, at, false);
        }

        /** @param overlapsAsIs the booking is imported over another of a host: the registry keeps both ranges */
        void add(Object payload, Instant at, boolean overlapsAsIs) {
            var event = CalcomImport.event("Booking", aggregate, sequence++, payload, at);
            events.accept(overlapsAsIs ? event.andMetaData(Map.of(BookingRequested.IMPORTED_OVERLAP, "true")) : event);
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
                                  Instant to) {
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
