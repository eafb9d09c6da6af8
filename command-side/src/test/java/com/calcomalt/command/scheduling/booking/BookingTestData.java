package com.calcomalt.command.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.command.scheduling.EventTypeFields;
import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.HostLoad;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.command.support.PartialSettings;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.RequestBooking;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.rules.scheduling.SlotCalculator.Check;
import com.calcomalt.rules.scheduling.SlotCalculator.Verdict;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.hamcrest.Matcher;

/**
 * The cast, event types, facts, commands and recorded events BookingTest starts from: Ann hosts, Bob books, on
 * 2026-04-01 at eight (UTC) for tomorrow at nine.
 */
final class BookingTestData {

    private BookingTestData() {
    }

    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-03-20T10:00:00Z");

    /** Tomorrow at nine, for the event types' thirty minutes. */
    static final Instant START = Instant.parse("2026-04-02T09:00:00Z");
    static final Instant END = Instant.parse("2026-04-02T09:30:00Z");
    /** Where a reschedule moves a booking to. */
    static final Instant NEW_START = Instant.parse("2026-04-03T14:00:00Z");
    static final Instant NEW_END = Instant.parse("2026-04-03T14:30:00Z");
    /** A booking under way: it began ten minutes ago. */
    static final Instant RUNNING_START = Instant.parse("2026-04-01T07:50:00Z");
    static final Instant RUNNING_END = Instant.parse("2026-04-01T08:20:00Z");
    /** A booking that is over. */
    static final Instant PAST_START = Instant.parse("2026-04-01T06:00:00Z");
    static final Instant PAST_END = Instant.parse("2026-04-01T06:30:00Z");

    static final String UID = "booking-uid-1";
    static final int BOOKING_ID = 900;
    static final String NEW_UID = "booking-uid-2";
    static final int NEW_BOOKING_ID = 901;

    static final int EVENT_TYPE = 70;
    static final int TEAM_EVENT_TYPE = 71;
    static final int TEAM = 10;

    static final int ANN_ID = 1;
    static final int BOB_ID = 2;
    static final int CARL_ID = 3;
    static final int DORA_ID = 4;
    static final int EVE_ID = 5;
    static final int TINA_ID = 6;
    static final int ROOT_ID = 99;

    /** Ann owns the personal event type and hosts the team's. */
    static final Caller ANN = new Caller(ANN_ID, false, null);
    /** Bob books. */
    static final Caller BOB = new Caller(BOB_ID, false, null);
    /** Carl and Dora host the team's event types with Ann. */
    static final Caller CARL = new Caller(CARL_ID, false, null);
    /** Eve is a stranger to the booking, or takes a seat in it. */
    static final Caller EVE = new Caller(EVE_ID, false, null);
    /** Tina runs the team without hosting. */
    static final Caller TINA = new Caller(TINA_ID, false, null);
    static final Caller ROOT = new Caller(ROOT_ID, true, null);

    static final Person ANN_PERSON = new Person(ANN_ID, "ann@example.com", "Ann Host", "ann", "Europe/Berlin",
            false);
    static final Person BOB_PERSON = new Person(BOB_ID, "bob@example.com", "Bob Booker", "bob",
            "America/New_York", false);
    static final Person CARL_PERSON = new Person(CARL_ID, "carl@example.com", "Carl Team", "carl",
            "Europe/London", false);
    /** Dora has no time zone of her own. */
    static final Person DORA_PERSON = new Person(DORA_ID, "dora@example.com", "Dora Team", "dora", null,
            false);
    static final Person EVE_PERSON = new Person(EVE_ID, "eve@example.com", "Eve Else", "eve", "UTC", false);
    static final Person TINA_PERSON = new Person(TINA_ID, "tina@example.com", "Tina Admin", "tina", "UTC",
            false);
    static final Person ROOT_PERSON = new Person(ROOT_ID, "root@example.com", "Root", "root", "UTC", false);

    static final Map<Integer, Person> PEOPLE = Map.of(ANN_ID, ANN_PERSON, BOB_ID, BOB_PERSON, CARL_ID,
            CARL_PERSON, DORA_ID, DORA_PERSON, EVE_ID, EVE_PERSON, TINA_ID, TINA_PERSON, ROOT_ID, ROOT_PERSON);

    static final BookingAttendee BOB_ATTENDEE = new BookingAttendee(501, "Bob Booker", "bob@example.com",
            "America/New_York", "en", null);
    /** A guest, whose name cal.com leaves empty. */
    static final BookingAttendee GUEST = new BookingAttendee(502, "", "gina@example.com", "America/New_York",
            "en", null);
    /** The team's other hosts as a collective booking lists them; Dora takes the booker's time zone. */
    static final BookingAttendee CARL_AS_ATTENDEE = new BookingAttendee(503, "Carl Team", "carl@example.com",
            "Europe/London", "en", null);
    static final BookingAttendee DORA_AS_ATTENDEE = new BookingAttendee(504, "Dora Team", "dora@example.com",
            "America/New_York", "en", null);

    static final BookingSeatData BOB_SEAT = new BookingSeatData(601, "seat-bob", BOB_ATTENDEE,
            Map.of("responses", Map.of()), Map.of());
    static final BookingSeatData EVE_SEAT = new BookingSeatData(602, "seat-eve",
            new BookingAttendee(505, "Eve Else", "eve@example.com", "UTC", "en", null), Map.of("responses", Map.of()),
            Map.of());
    static final BookingSeatData CARL_SEAT = new BookingSeatData(603, "seat-carl",
            new BookingAttendee(506, "Carl Team", "carl@example.com", "Europe/London", "en", null),
            Map.of("responses", Map.of()), Map.of());

    // ---------------------------------------------------------------- event types

    static EventTypeSettings partial(Object... namesAndValues) {
        return PartialSettings.eventType(namesAndValues);
    }

    /** cal.com's defaults for a thirty-minute "Intro call", with the named fields changed. */
    static EventTypeSettings settings(Object... changes) {
        EventTypeSettings introCall = EventTypeFields.merge(EventTypeFields.DEFAULTS,
                partial("title", "Intro call", "slug", "intro", "length", 30));
        return EventTypeFields.merge(introCall, partial(changes));
    }

    /** Ann's own event type. */
    static EventTypeSnapshot personal(Object... settings) {
        return new EventTypeSnapshot(EVENT_TYPE, ANN_ID, null, null, null, settings(settings), List.of());
    }

    static EventTypeSnapshot teamType(SchedulingType type, List<Host> hosts, Object... settings) {
        return new EventTypeSnapshot(TEAM_EVENT_TYPE, null, TEAM, null, type, settings(settings), hosts);
    }

    /** Ann, Carl and Dora host it together. */
    static EventTypeSnapshot collective() {
        return teamType(SchedulingType.collective, List.of(host(ANN_ID), host(CARL_ID), host(DORA_ID)));
    }

    static EventTypeSnapshot roundRobin(Host... hosts) {
        return teamType(SchedulingType.roundRobin, List.of(hosts));
    }

    static Host host(int userId) {
        return host(userId, null, null);
    }

    static Host host(int userId, Integer priority, Integer weight) {
        return new Host(userId, 300 + userId, false, priority, weight, null, EARLIER);
    }

    static Host fixedHost(int userId) {
        return new Host(userId, 300 + userId, true, null, null, null, EARLIER);
    }

    // ---------------------------------------------------------------- facts and callers

    /** The scheduling rules found the start free for these hosts. */
    static BookingFacts free(EventTypeSnapshot eventType, Integer... freeHosts) {
        return free(eventType, Map.of(), freeHosts);
    }

    static BookingFacts free(EventTypeSnapshot eventType, Map<Integer, HostLoad> load, Integer... freeHosts) {
        return new BookingFacts(eventType, PEOPLE, new Check(Verdict.FREE, List.of(freeHosts)), load, null);
    }

    static BookingFacts verdict(EventTypeSnapshot eventType, Verdict verdict) {
        return new BookingFacts(eventType, PEOPLE, new Check(verdict, List.of()), Map.of(), null);
    }

    static BookingFacts freeWith(EventTypeSnapshot eventType, Map<Integer, Person> people) {
        return new BookingFacts(eventType, people, new Check(Verdict.FREE, List.of(ANN_ID, CARL_ID, DORA_ID)),
                Map.of(), null);
    }

    /** What a command on an existing booking is told: the event type as it is, and no verdict. */
    static BookingFacts known(EventTypeSnapshot eventType) {
        return known(eventType, null);
    }

    static BookingFacts known(EventTypeSnapshot eventType, TeamAccess access) {
        return new BookingFacts(eventType, PEOPLE, null, Map.of(), access);
    }

    static TeamAccess inTeam(Caller caller, MembershipRole role) {
        return new TeamAccess(caller, TEAM, false, null, role, true, null);
    }

    static MetaData byNoOne(BookingFacts facts) {
        return MetaData.with(BookingCommandFacts.FACTS, facts);
    }

    // ---------------------------------------------------------------- requests

    /** Bob books the start for himself alone. */
    static RequestBooking request(int eventTypeId, Instant start, Instant end) {
        return new RequestBooking(UID, BOOKING_ID, eventTypeId, start, end, BOB_ATTENDEE, List.of(), List.of(), null,
                null, null, null, null, null, null);
    }

    static RequestBooking request() {
        return request(EVENT_TYPE, START, END);
    }

    static RequestBooking requestWithGuests(List<BookingAttendee> guests) {
        return new RequestBooking(UID, BOOKING_ID, EVENT_TYPE, START, END, BOB_ATTENDEE, guests, List.of(), null,
                null, null, null, null, null, null);
    }

    static RequestBooking requestOfTeam(List<Integer> hostAttendeeIds) {
        return new RequestBooking(UID, BOOKING_ID, TEAM_EVENT_TYPE, START, END, BOB_ATTENDEE, List.of(),
                hostAttendeeIds, null, null, null, null, null, null, null);
    }

    static RequestBooking requestSeat(List<BookingAttendee> guests) {
        return new RequestBooking(UID, BOOKING_ID, EVENT_TYPE, START, END, null, guests, List.of(), null, null, null,
                null, null, BOB_SEAT, null);
    }

    /** What a plain request of Bob's makes: no guests, answers, location or metadata. */
    static BookingRequested requested(EventTypeSnapshot eventType, List<Integer> hostIds,
                                      List<BookingAttendee> attendees, BookingStatus status) {
        return requested(eventType, hostIds, attendees, status, null);
    }

    static BookingRequested requested(EventTypeSnapshot eventType, List<Integer> hostIds,
                                      List<BookingAttendee> attendees, BookingStatus status, BookingSeatData seat) {
        EventTypeSettings settings = eventType.settings();
        return new Booked().of(eventType.id(), eventType.teamId(), settings.title()).hosts(hostIds)
                .buffers(settings.beforeEventBuffer(), settings.afterEventBuffer()).status(status)
                .attendees(attendees).seat(seat).createdAt(NOW).build();
    }

    /** cal.com's key, worked out here on its own: a v5 UUID in the URL namespace of "start.end.user". */
    static String idempotencyKey(Instant start, Instant end, int userId) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            UUID url = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
            sha1.update(ByteBuffer.allocate(16).putLong(url.getMostSignificantBits())
                    .putLong(url.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest((start.toEpochMilli() + "." + end.toEpochMilli() + "." + userId)
                    .getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- what a request records

    /**
     * A BookingRequested as the aggregate records Bob's request: by default, made earlier, of Ann's thirty-minute
     * intro call tomorrow at nine, accepted, for Bob alone, with his name and email as the only answers.
     */
    static final class Booked {

        private int eventTypeId = EVENT_TYPE;
        private Integer teamId;
        private String eventTitle = "Intro call";
        private List<Integer> hostIds = List.of(ANN_ID);
        private String description;
        private Instant start = START;
        private Instant end = END;
        private int beforeEventBuffer;
        private int afterEventBuffer;
        private String location;
        private BookingStatus status = BookingStatus.accepted;
        private List<BookingAttendee> attendees = List.of(BOB_ATTENDEE);
        private Map<String, Object> responses = Map.of("name", "Bob Booker", "email", "bob@example.com");
        private Map<String, Object> metadata = Map.of();
        private BookingSeatData seat;
        private Instant createdAt = EARLIER;

        Booked of(int eventTypeId, Integer teamId, String eventTitle) {
            this.eventTypeId = eventTypeId;
            this.teamId = teamId;
            this.eventTitle = eventTitle;
            return this;
        }

        /** The first host organizes. */
        Booked hosts(List<Integer> hostIds) {
            this.hostIds = hostIds;
            return this;
        }

        Booked hosts(Integer... hostIds) {
            return hosts(List.of(hostIds));
        }

        Booked description(String description) {
            this.description = description;
            return this;
        }

        Booked at(Instant start, Instant end) {
            this.start = start;
            this.end = end;
            return this;
        }

        Booked buffers(int before, int after) {
            this.beforeEventBuffer = before;
            this.afterEventBuffer = after;
            return this;
        }

        Booked location(String location) {
            this.location = location;
            return this;
        }

        Booked status(BookingStatus status) {
            this.status = status;
            return this;
        }

        Booked attendees(List<BookingAttendee> attendees) {
            this.attendees = attendees;
            return this;
        }

        Booked attendees(BookingAttendee... attendees) {
            return attendees(List.of(attendees));
        }

        Booked responses(Map<String, Object> responses) {
            this.responses = responses;
            return this;
        }

        Booked metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        Booked seat(BookingSeatData seat) {
            this.seat = seat;
            return this;
        }

        Booked createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        BookingRequested build() {
            Person organizer = PEOPLE.get(hostIds.get(0));
            return new BookingRequested(BOOKING_ID, UID, eventTypeId, organizer.userId(), hostIds, organizer.email(),
                    eventTitle + " between " + organizer.name() + " and Bob Booker", description, start, end,
                    beforeEventBuffer, afterEventBuffer, location, status, attendees, responses, Map.of(), metadata,
                    null, UID + "@Cal.com", 0, idempotencyKey(start, end, organizer.userId()), null, null, seat, null,
                    CreationSource.api_v2, BOB_ID, new BookingHostSnapshot(teamId, 30, null, organizer.email(),
                            organizer.name(), organizer.username()), createdAt);
        }
    }

    // ---------------------------------------------------------------- history

    /** Bob's booking of Ann's intro call, with a guest, notes, a location and metadata. */
    static BookingRequested booked(BookingStatus status, Instant start, Instant end) {
        return new Booked().status(status).at(start, end).description("Plans").location("https://meet.example.com/ann")
                .attendees(BOB_ATTENDEE, GUEST).responses(bookedResponses()).metadata(Map.of("source", "test"))
                .build();
    }

    static Map<String, Object> bookedResponses() {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("name", "Bob Booker");
        responses.put("email", "bob@example.com");
        responses.put("guests", List.of("gina@example.com"));
        responses.put("notes", "Plans");
        return responses;
    }

    static BookingRequested accepted() {
        return booked(BookingStatus.accepted, START, END);
    }

    static BookingRequested pending() {
        return booked(BookingStatus.pending, START, END);
    }

    static BookingRequested underWay() {
        return booked(BookingStatus.accepted, RUNNING_START, RUNNING_END);
    }

    static BookingRequested over() {
        return booked(BookingStatus.accepted, PAST_START, PAST_END);
    }

    /** Bob's booking of the collective event: Ann organizes, Carl and Dora are listed among the attendees. */
    static BookingRequested teamBooked(BookingStatus status, Instant start, Instant end) {
        return new Booked().of(TEAM_EVENT_TYPE, TEAM, "Intro call").hosts(ANN_ID, CARL_ID, DORA_ID).status(status)
                .at(start, end).attendees(BOB_ATTENDEE, CARL_AS_ATTENDEE, DORA_AS_ATTENDEE).build();
    }

    /** Bob's round-robin booking, given to Dora. */
    static BookingRequested roundRobinBooked() {
        return new Booked().of(TEAM_EVENT_TYPE, TEAM, "Intro call").hosts(DORA_ID).build();
    }

    /** Bob's booking of a seated event type: he holds its first seat, not an attendee's place. */
    static BookingRequested seatedBooked(Instant start, Instant end) {
        return new Booked().at(start, end).attendees().seat(BOB_SEAT).build();
    }

    static BookingRequested seatedBooked() {
        return seatedBooked(START, END);
    }

    /** Two seats of Ann's intro call. */
    static EventTypeSnapshot seatedType() {
        return personal("seatsPerTimeSlot", 2);
    }

    /** A seat taken by a user's command: the user's id travels with the event. */
    static EventMessage<BookingSeatBooked> seatBookedBy(int userId, BookingSeatData seat) {
        return GenericEventMessage.<BookingSeatBooked>asEventMessage(new BookingSeatBooked(UID, BOOKING_ID, seat,
                EARLIER)).andMetaData(Map.of(CallerMetaData.CALLER_USER_ID, userId));
    }

    static BookingCancelled cancelledEarlier() {
        return new BookingCancelled(UID, BOOKING_ID, "No longer needed", "bob@example.com", EARLIER);
    }

    static CommandMessage<Object> command(Object payload, MetaData metaData) {
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData);
    }

    // ---------------------------------------------------------------- matchers

    /** Exactly one BookingRequested, on which the given assertions hold. */
    static Matcher<List<Message<?>>> onlyRequested(Consumer<BookingRequested> assertions) {
        return payloadsMatching(exactSequenceOf(predicate(payload -> {
            assertThat(payload).isInstanceOf(BookingRequested.class);
            assertions.accept((BookingRequested) payload);
            return true;
        }), andNoMore()));
    }

    /** Exactly a BookingRescheduled and then the new booking's BookingRequested, on which the assertions hold. */
    static Matcher<List<Message<?>>> rescheduled(Consumer<BookingRescheduled> onOld,
                                                         Consumer<BookingRequested> onNew) {
        return payloadsMatching(exactSequenceOf(predicate(payload -> {
            assertThat(payload).isInstanceOf(BookingRescheduled.class);
            onOld.accept((BookingRescheduled) payload);
            return true;
        }), predicate(payload -> {
            assertThat(payload).isInstanceOf(BookingRequested.class);
            onNew.accept((BookingRequested) payload);
            return true;
        }), andNoMore()));
    }

    /** A BookingRescheduled, the new booking's BookingRequested, and then the payment carried over to it. */
    static Matcher<List<Message<?>>> rescheduledPaid(Consumer<BookingRequested> onNew,
                                                     com.calcomalt.contracts.scheduling.BookingPaymentCarried carried) {
        return payloadsMatching(exactSequenceOf(
                predicate(payload -> payload instanceof BookingRescheduled),
                predicate(payload -> {
                    assertThat(payload).isInstanceOf(BookingRequested.class);
                    onNew.accept((BookingRequested) payload);
                    return true;
                }),
                predicate(payload -> {
                    assertThat(payload).isEqualTo(carried);
                    return true;
                }), andNoMore()));
    }
}
