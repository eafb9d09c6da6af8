package com.calcomalt.command.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.calendar.CalendarKeys;
import com.calcomalt.calendar.connectors.BusyTime;
import com.calcomalt.calendar.connectors.CalDavConnector;
import com.calcomalt.calendar.connectors.CalendarAccount;
import com.calcomalt.calendar.testing.RadicaleServer;
import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.contracts.calendar.CalendarConnected;
import com.calcomalt.contracts.calendar.CalendarIds;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.calendar.DestinationCalendarSet;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.platform.axon.SegmentSplitter;
import com.calcomalt.platform.secrets.SecretBox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking events through the event store, the calendar-writer processor and the durable scheduler
 * to a real CalDAV server (radicale), as a host whose destination calendar is on it sees them.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BookingCalendarWriterTest {

    private static final AtomicInteger IDS = new AtomicInteger(Integer.MAX_VALUE / 2 + 8_000_000);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer().withUser("hanna", "hanna-secret-1");

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    SecretBox secrets;
    @Autowired
    SegmentSplitter splitter;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final CalDavConnector caldav = new CalDavConnector(Duration.ofSeconds(3));
    private final CalendarAccount hannasLogin = new CalendarAccount(radicale.url(), "hanna", "hanna-secret-1");

    private static int id() {
        return IDS.incrementAndGet();
    }

    private void publish(String type, String aggregateId, Object... payloads) {
        Long last = jdbc.queryForObject(
                "select max(sequence_number) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        long sequence = last == null ? 0 : last + 1;
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence++, payload));
        }
    }

    /** A host in Berlin whose bookings go to a calendar of theirs on radicale; answers the calendar's name. */
    private record Host(int userId, int credentialId, String calendar) {
    }

    private Host hostWithDestination(String password) {
        int userId = id();
        publish("User", UserIds.aggregateId(userId), new UserRegistered(userId, UUID.randomUUID(),
                "hanna" + userId + "@example.com", "hanna" + userId, "Hanna Host", "Europe/Berlin", "Monday", "en", 24,
                IdentityProvider.CAL, null, CreationSource.api_v2, Instant.now()));
        String calendar = "work-" + userId;
        radicale.createCalendar("hanna", calendar, "Hanna at work");
        int credentialId = id();
        String calendarUrl = radicale.calendarUrl("hanna", calendar);
        publish("CalendarCredential", CalendarIds.credential(credentialId), new CalendarConnected(credentialId,
                CalendarKeys.CALDAV_TYPE, "caldav-calendar", userId, null,
                secrets.seal(CalendarKeys.json(new CalendarAccount(radicale.url(), "hanna", password))),
                List.of(new ConnectedCalendar(calendarUrl, "Hanna at work", false, null)), Instant.now()));
        publish("DestinationCalendar", CalendarIds.destination(userId, null), new DestinationCalendarSet(id(), userId,
                null, CalendarKeys.CALDAV_TYPE, calendarUrl, credentialId, null, Instant.now()));
        return new Host(userId, credentialId, calendar);
    }

    private BookingRequested booking(Host host, Instant start, String fromReschedule) {
        return booking(host, start, fromReschedule, null);
    }

    private BookingRequested booking(Host host, Instant start, String fromReschedule, Integer eventTypeId) {
        return booking(host, start, fromReschedule, eventTypeId, BookingStatus.accepted);
    }

    private BookingRequested booking(Host host, Instant start, String fromReschedule, Integer eventTypeId,
                                     BookingStatus status) {
        int bookingId = id();
        String uid = "cal-" + bookingId;
        return new BookingRequested(bookingId, uid, eventTypeId, host.userId(), List.of(host.userId()),
                "hanna" + host.userId() + "@example.com", "Intro call", "About the project", start,
                start.plus(Duration.ofMinutes(30)), 0, 0, "Office, room 4", status,
                List.of(new BookingAttendee(id(), "Bob Booker", "bob@example.com", "America/New_York", "en", null)),
                Map.of("name", "Bob Booker", "email", "bob@example.com"), Map.of(), Map.of(), null, uid + "@cal.com",
                0, null, fromReschedule, null, null, null, CreationSource.api_v2, host.userId(),
                new BookingHostSnapshot(null, 30, null, "hanna" + host.userId() + "@example.com", "Hanna Host",
                        "hanna" + host.userId()), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void book(BookingRequested booking) {
        publish("Booking", BookingIds.aggregateId(booking.uid()), booking);
    }

    private Map<String, Object> row(String uid) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from calendar.booking_events where booking_uid = ?",
                uid);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private String status(String uid) {
        return (String) row(uid).get("status");
    }

    private List<BusyTime> busy(Host host) {
        return caldav.busyTimes(hannasLogin, List.of(radicale.calendarUrl("hanna", host.calendar())),
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z"));
    }

    private List<Object> bookingEvents(String uid) {
        return eventStore.readEvents(BookingIds.aggregateId(uid)).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
    }

    // ----------------------------------------------------------------------------------------------

    @Test
    void an_accepted_booking_is_written_to_the_destination_calendar_and_linked() {
        Host host = hostWithDestination("hanna-secret-1");
        Instant start = inDays(5);
        BookingRequested booking = booking(host, start, null);
        // The busy times cached for the account before the write would not show the booking's event.
        jdbc.update("insert into \"Credential\" (id, type, key) values (?, 'caldav_calendar', '{}')",
                host.credentialId());
        jdbc.update("""
                insert into "CalendarCache" (key, value, "expiresAt", "credentialId")
                values ('before-the-write', '[]', now() + interval '1 hour', ?)""", host.credentialId());
        book(booking);

        await().atMost(WAIT).until(() -> "WRITTEN".equals(status(booking.uid())));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from \"CalendarCache\" where \"credentialId\" = ?", Integer.class,
                host.credentialId()) == 0);
        assertThat(busy(host)).containsExactly(new BusyTime(start, start.plus(Duration.ofMinutes(30)), booking.uid(),
                radicale.calendarUrl("hanna", host.calendar())));
        String stored = radicale.resources("hanna", host.calendar()).get(0).replace("\r\n ", "");
        assertThat(stored).contains("UID:" + booking.uid(), "SUMMARY:Intro call", "LOCATION:Office\\, room 4",
                "DESCRIPTION:About the project", "ORGANIZER;CN=Hanna Host", "mailto:bob@example.com",
                "DTSTART;TZID=Europe/Berlin:", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin");
        Map<String, Object> row = row(booking.uid());
        assertThat(row.get("credential_id")).isEqualTo(host.credentialId());
        assertThat(row.get("attempts")).isEqualTo(0);
        await().atMost(WAIT).until(() -> bookingEvents(booking.uid()).stream()
                .anyMatch(e -> e instanceof BookingReferenceAdded));
        BookingReferenceAdded reference = bookingEvents(booking.uid()).stream()
                .filter(BookingReferenceAdded.class::isInstance).map(BookingReferenceAdded.class::cast).findFirst()
                .orElseThrow();
        assertThat(reference.type()).isEqualTo("caldav_calendar");
        assertThat(reference.referenceUid()).isEqualTo(booking.uid());
        assertThat(reference.externalCalendarId()).isEqualTo(radicale.calendarUrl("hanna", host.calendar()));
        assertThat(reference.credentialId()).isEqualTo(host.credentialId());
        assertThat(row.get("booking_reference_id")).isEqualTo(reference.referenceId());
    }

    @Test
    void a_reschedule_moves_the_event_and_a_cancel_deletes_it() {
        Host host = hostWithDestination("hanna-secret-1");
        BookingRequested old = booking(host, inDays(6), null);
        book(old);
        // The writer appends the booking's reference after WRITTEN; this test appends to the same stream by hand.
        await().atMost(WAIT).until(() -> "WRITTEN".equals(status(old.uid()))
                && row(old.uid()).get("booking_reference_id") != null);

        Instant later = inDays(8);
        BookingRequested moved = booking(host, later, old.uid());
        publish("Booking", BookingIds.aggregateId(old.uid()),
                new BookingRescheduled(old.uid(), old.bookingId(), moved.uid(), "Clash", null, Instant.now()));
        book(moved);

        await().atMost(WAIT).until(() -> "DELETED".equals(status(old.uid())) && "WRITTEN".equals(status(moved.uid())));
        assertThat(busy(host)).containsExactly(new BusyTime(later, later.plus(Duration.ofMinutes(30)), moved.uid(),
                radicale.calendarUrl("hanna", host.calendar())));
        await().atMost(WAIT).until(() -> bookingEvents(old.uid()).stream()
                .anyMatch(e -> e instanceof BookingReferenceRemoved));

        publish("Booking", BookingIds.aggregateId(moved.uid()),
                new BookingCancelled(moved.uid(), moved.bookingId(), "No longer needed", "bob@example.com", Instant.now()));

        await().atMost(WAIT).until(() -> "DELETED".equals(status(moved.uid())));
        assertThat(busy(host)).isEmpty();
        assertThat(radicale.resources("hanna", host.calendar())).isEmpty();
    }

    @Test
    void an_event_types_own_destination_wins_over_its_hosts() {
        Host host = hostWithDestination("hanna-secret-1");
        int eventTypeId = id();
        String special = "special-" + host.userId();
        radicale.createCalendar("hanna", special, "Hanna's special calls");
        publish("DestinationCalendar", CalendarIds.destination(null, eventTypeId), new DestinationCalendarSet(id(),
                null, eventTypeId, CalendarKeys.CALDAV_TYPE, radicale.calendarUrl("hanna", special),
                host.credentialId(), null, Instant.now()));
        BookingRequested booking = booking(host, inDays(6), null, eventTypeId);
        book(booking);

        await().atMost(WAIT).until(() -> "WRITTEN".equals(status(booking.uid())));
        assertThat(radicale.event("hanna", special, booking.uid())).isPresent();
        assertThat(radicale.resources("hanna", host.calendar())).as("not the host's own destination").isEmpty();
        assertThat(row(booking.uid()).get("external_calendar_id")).isEqualTo(radicale.calendarUrl("hanna", special));
    }

    @Test
    void a_booking_waiting_for_its_payment_is_written_once_its_payment_accepts_it() {
        Host host = hostWithDestination("hanna-secret-1");
        BookingRequested booking = booking(host, inDays(7), null, null, BookingStatus.pending);
        publish("Booking", BookingIds.aggregateId(booking.uid()), booking, new BookingPaymentRequired(booking.uid(),
                booking.bookingId(), "stripe", 5000, "usd", PaymentOption.ON_BOOKING, RefundPolicy.ALWAYS, null,
                booking.createdAt()));
        BookingRequested later = booking(host, inDays(8), null);
        book(later);
        await().atMost(WAIT).until(() -> "WRITTEN".equals(status(later.uid())));
        assertThat(row(booking.uid())).as("not written while it waits for its payment").isEmpty();

        publish("Booking", BookingIds.aggregateId(booking.uid()), new BookingPaid(booking.uid(), booking.bookingId(),
                "pay-1", BookingStatus.accepted, Instant.now()));
        await().atMost(WAIT).until(() -> "WRITTEN".equals(status(booking.uid())));
    }

    @Test
    void a_booking_of_a_host_without_destination_writes_nothing() {
        int userId = id();
        BookingRequested booking = booking(new Host(userId, 0, null), inDays(4), null);
        book(booking);
        BookingRequested later = booking(hostWithDestination("hanna-secret-1"), inDays(4), null);
        book(later);

        await().atMost(WAIT).until(() -> "WRITTEN".equals(status(later.uid())));
        assertThat(jdbc.queryForObject("select count(*) from calendar.booking_events where booking_uid = ?",
                Integer.class, booking.uid())).as("no row and no task for a booking with nowhere to go").isZero();
    }

    @Test
    void an_unreachable_server_is_retried_and_the_event_written_once_it_is_back() {
        Host host = hostWithDestination("hanna-secret-1");
        BookingRequested booking = booking(host, inDays(7), null);
        radicale.stop();
        try {
            book(booking);
            await().atMost(WAIT).until(() -> "RETRYING".equals(status(booking.uid()))
                    && ((Integer) row(booking.uid()).get("attempts")) >= 2);
            assertThat((String) row(booking.uid()).get("last_error")).contains("CalendarUnreachable");
        } finally {
            radicale.start();
        }

        await().atMost(WAIT).until(() -> "WRITTEN".equals(status(booking.uid())));
        assertThat(row(booking.uid()).get("attempts")).isEqualTo(0);
        assertThat(row(booking.uid()).get("last_error")).isNull();
        assertThat(busy(host)).extracting(BusyTime::uid).containsExactly(booking.uid());
    }

    @Test
    void a_refused_login_marks_the_account_invalid_and_the_write_failed() {
        Host host = hostWithDestination("wrong-horse-battery");
        BookingRequested booking = booking(host, inDays(9), null);
        book(booking);

        await().atMost(WAIT).until(() -> "FAILED".equals(status(booking.uid())));
        assertThat((String) row(booking.uid()).get("last_error")).startsWith("Login refused")
                .doesNotContain("wrong-horse-battery");
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select invalid from command_side.calendar_credentials where credential_id = ?", Boolean.class,
                host.credentialId())));
        assertThat(radicale.resources("hanna", host.calendar())).isEmpty();
    }

    @Test
    void a_token_store_of_one_segment_is_split_to_the_configured_four_at_its_position_and_each_booking_written_once()
            throws Exception {
        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(BookingCalendarWriter.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(splitter.configuredSegments(BookingCalendarWriter.PROCESSING_GROUP)).contains(4);
        // An installation from before the side-effect processors had several segments: one, at the head.
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        splitter.stop();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.update("delete from eventstore.token_entry where processor_name = ?",
                    BookingCalendarWriter.PROCESSING_GROUP);
            tokenStore.initializeTokenSegments(BookingCalendarWriter.PROCESSING_GROUP, 1,
                    eventStore.createHeadToken());
        });
        List<String> before = tokens();
        assertThat(before).hasSize(1);
        // Another node, still on the old count, is working on that segment; its claim stays fresh throughout.
        jdbc.update("update eventstore.token_entry set owner = 'node-b', timestamp = ? where processor_name = ?",
                Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS).toString(),
                BookingCalendarWriter.PROCESSING_GROUP);

        processor.start();
        splitter.start();
        splitter.splitWhereNeeded();
        assertThat(jdbc.queryForList("select owner from eventstore.token_entry where processor_name = ?", String.class,
                BookingCalendarWriter.PROCESSING_GROUP)).as("another node's segment is that node's to split")
                .containsExactly("node-b");

        // node-b stops and releases its claim. Nodes starting together: two more splitters race this node's own
        // and must neither fail nor overshoot the count.
        jdbc.update("update eventstore.token_entry set owner = null where processor_name = ?",
                BookingCalendarWriter.PROCESSING_GROUP);
        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> rounds = List.of(others.submit(splitter::splitWhereNeeded),
                    others.submit(splitter::splitWhereNeeded));
            for (Future<?> round : rounds) {
                round.get(60, TimeUnit.SECONDS);
            }
        } finally {
            others.shutdownNow();
        }
        await().atMost(WAIT).until(() -> tokens().size() == 4);
        assertThat(jdbc.queryForList("select segment from eventstore.token_entry where processor_name = ? "
                + "order by segment", Integer.class, BookingCalendarWriter.PROCESSING_GROUP)).containsExactly(0, 1, 2, 3);
        assertThat(tokens()).as("both halves of each split keep the segment's position").containsOnly(before.get(0));
        splitter.splitWhereNeeded();
        assertThat(tokens()).as("a later round splits no further").hasSize(4);
        await().atMost(WAIT).until(splitter::settled);
        await("this node, alone, takes up the new segments").atMost(WAIT)
                .until(() -> processor.processingStatus().size() == 4);

        Host host = hostWithDestination("hanna-secret-1");
        List<BookingRequested> bookings = List.of(booking(host, inDays(10), null), booking(host, inDays(11), null),
                booking(host, inDays(12), null), booking(host, inDays(13), null));
        bookings.forEach(this::book);
        await().atMost(WAIT).until(() -> bookings.stream().allMatch(b -> "WRITTEN".equals(status(b.uid()))
                && bookingEvents(b.uid()).stream().anyMatch(BookingReferenceAdded.class::isInstance)));
        for (BookingRequested booking : bookings) {
            assertThat(bookingEvents(booking.uid()).stream().filter(BookingReferenceAdded.class::isInstance))
                    .as("written once").hasSize(1);
            assertThat(row(booking.uid()).get("attempts")).isEqualTo(0);
        }
        assertThat(radicale.resources("hanna", host.calendar())).hasSize(4);
    }

    private List<String> tokens() {
        return jdbc.queryForList("select convert_from(token, 'UTF8') from eventstore.token_entry where processor_name = ?",
                String.class, BookingCalendarWriter.PROCESSING_GROUP);
    }

    @Test
    void the_calendar_writer_cannot_be_replayed() {
        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(BookingCalendarWriter.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(processor.supportsReset()).isFalse();
    }
}
