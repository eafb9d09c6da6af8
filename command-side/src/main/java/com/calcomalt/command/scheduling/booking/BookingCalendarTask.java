package com.calcomalt.command.scheduling.booking;

import com.calcomalt.calendar.CalendarBusyTimes;
import com.calcomalt.calendar.CalendarKeys;
import com.calcomalt.calendar.connectors.CalendarAccount;
import com.calcomalt.calendar.connectors.CalendarAuthenticationFailed;
import com.calcomalt.calendar.connectors.CalendarConnector;
import com.calcomalt.calendar.connectors.CalendarConnectors;
import com.calcomalt.calendar.connectors.CalendarEventDraft;
import com.calcomalt.calendar.connectors.CalendarEventDraft.Person;
import com.calcomalt.calendar.connectors.CalendarRefused;
import com.calcomalt.calendar.connectors.WrittenEvent;
import com.calcomalt.command.calendar.CalendarLookups;
import com.calcomalt.command.calendar.CalendarLookups.Account;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.calendar.InvalidateCalendarCredential;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.AddBookingReference;
import com.calcomalt.contracts.scheduling.BookingHostView;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.contracts.scheduling.RemoveBookingReference;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.secrets.SecretBox;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a booking's destination calendar agree with the booking: a db-scheduler task whose instance
 * id is the booking uid. An accepted booking has an event whose VEVENT UID is the booking uid
 * (which the slots side recognises as one of ours); any other booking has none. The event stays in
 * the calendar it was first written to, so moving and deleting it use the href and ETag stored in
 * {@code calendar.booking_events}. A new event is linked to the booking with a BookingReference.
 *
 * <p>A server that does not answer, or answers 5xx, is tried again with exponential back-off until
 * {@code calalt.calendars.writes.max-attempts} tries were made; a refused login marks the account
 * invalid (as cal.com does) and stops, since trying again cannot succeed; any other refusal (4xx) stops
 * too. Any other failure, such as a command the aggregate could not take, is retried like a 5xx.
 */
@Configuration
class BookingCalendarTask {

    static final String NAME = "calendar-booking-write";
    private static final Logger log = LoggerFactory.getLogger(BookingCalendarTask.class);
    private static final MetaData AS_THE_SYSTEM = CallerMetaData.of(new Caller(0, true, null));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DecidedBookings bookings;
    private final CalendarLookups lookups;
    private final CalendarConnectors connectors;
    private final ObjectProvider<CalendarBusyTimes> busyTimes;
    private final SecretBox secrets;
    private final CommandGateway commands;
    private final IdAllocator ids;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration initialBackoff;

    BookingCalendarTask(JdbcTemplate jdbc, PlatformTransactionManager transactions, DecidedBookings bookings,
                        CalendarLookups lookups, CalendarConnectors connectors,
                        ObjectProvider<CalendarBusyTimes> busyTimes, SecretBox secrets, CommandGateway commands,
                        IdAllocator ids, Clock clock,
                        @Value("${calalt.calendars.writes.max-attempts:6}") int maxAttempts,
                        @Value("${calalt.calendars.writes.initial-backoff:10s}") Duration initialBackoff) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.bookings = bookings;
        this.lookups = lookups;
        this.connectors = connectors;
        this.busyTimes = busyTimes;
        this.secrets = secrets;
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
    }

    @Bean
    CustomTask<Void> bookingCalendarWrite() {
        return Tasks.custom(NAME, Void.class).execute((instance, context) -> run(instance.getId()));
    }

    static TaskInstance<Void> instance(String bookingUid) {
        return new TaskInstance<>(NAME, bookingUid);
    }

    private record Row(String bookingUid, Integer credentialId, String calendarId, String eventUid, String href,
                       String etag, Integer referenceId, String status, int attempts, long requested) {

        boolean hasEvent() {
            return href != null;
        }

        WrittenEvent written() {
            return new WrittenEvent(eventUid, calendarId, href, etag);
        }
    }

    CompletionHandler<Void> run(String bookingUid) {
        Row row = row(bookingUid).orElse(null);
        if (row == null) {
            return (complete, operations) -> operations.remove();
        }
        Instant retryAt = reconcile(row);
        // Under the row lock the writer bumps `requested` with: a change that came while this ran is not lost.
        return (complete, operations) -> transaction.executeWithoutResult(status -> {
            long requested = jdbc.queryForObject(
                    "select requested from calendar.booking_events where booking_uid = ? for update", Long.class,
                    bookingUid);
            if (requested != row.requested()) {
                operations.reschedule(complete, clock.instant());
            } else if (retryAt != null) {
                operations.reschedule(complete, retryAt);
            } else {
                operations.remove();
            }
        });
    }

    /** Writes, moves or deletes the event; answers when to try again, or null when done. */
    private Instant reconcile(Row row) {
        BookingView booking;
        try {
            booking = bookings.of(row.bookingUid());
        } catch (NotFound e) {
            nothingToDo(row);
            return null;
        }
        boolean wanted = "accepted".equals(booking.status());
        if (!wanted && !row.hasEvent()) {
            nothingToDo(row);
            return null;
        }
        Integer credentialId = row.hasEvent() ? row.credentialId() : null;
        String calendarId = row.hasEvent() ? row.calendarId() : null;
        if (credentialId == null) {
            int organizer = booking.hosts().get(0).id();
            Optional<CalendarLookups.Destination> destination = lookups.destination(booking.eventTypeId(), organizer);
            if (destination.isEmpty()) {
                nothingToDo(row);
                return null;
            }
            credentialId = destination.get().account().credentialId();
            calendarId = destination.get().externalId();
        }
        Optional<Account> account = lookups.account(credentialId);
        if (account.isEmpty()) {
            return failed(row, credentialId, calendarId, "The calendar account was disconnected");
        }
        if (account.get().invalid()) {
            return failed(row, credentialId, calendarId,
                    "The calendar server refused the login before; reconnect the account");
        }
        Optional<CalendarConnector> connector = connectors.byType(CalendarKeys.connectorType(account.get().type()))
                .filter(CalendarConnector::writable);
        if (connector.isEmpty()) {
            return failed(row, credentialId, calendarId,
                    "Bookings cannot be written to a " + account.get().type() + " calendar");
        }
        try {
            CalendarAccount login = login(account.get());
            if (wanted) {
                CalendarEventDraft draft = draft(booking);
                WrittenEvent written = row.hasEvent() ? connector.get().update(login, row.written(), draft)
                        : connector.get().create(login, calendarId, draft);
                saveWritten(row.bookingUid(), credentialId, calendarId, written);
                if (row.referenceId() == null) {
                    link(row.bookingUid(), account.get(), written);
                }
            } else {
                connector.get().delete(login, row.written());
                saveDeleted(row.bookingUid());
                if (row.referenceId() != null) {
                    unlink(row.bookingUid(), row.referenceId());
                }
            }
            busyTimes.ifAvailable(cache -> cache.invalidate(account.get().credentialId()));
            return null;
        } catch (CalendarAuthenticationFailed e) {
            commands.sendAndWait(new InvalidateCalendarCredential(credentialId, e.getMessage()));
            return failed(row, credentialId, calendarId, "Login refused: " + e.getMessage());
        } catch (CalendarRefused e) {
            return failed(row, credentialId, calendarId, "Refused: " + e.getMessage());
        } catch (RuntimeException unreachableOrUnexpected) {
            return retry(row, credentialId, calendarId, unreachableOrUnexpected);
        }
    }

    private CalendarAccount login(Account account) {
        try {
            return CalendarKeys.accounts(secrets.open(account.sealedKey())).get(0);
        } catch (IllegalArgumentException e) {
            throw new CalendarRefused("The stored key of account " + account.credentialId() + " is not readable");
        }
    }

    /** cal.com's calendar event: the organizer's time zone, the attendees and the other hosts invited. */
    private static CalendarEventDraft draft(BookingView booking) {
        BookingHostView organizer = booking.hosts().get(0);
        List<Person> attendees = new ArrayList<>();
        booking.attendees().forEach(a -> attendees.add(new Person(a.name(), a.email())));
        booking.hosts().stream().skip(1).forEach(h -> attendees.add(new Person(h.name(), h.email())));
        return new CalendarEventDraft(booking.uid(), booking.title(), booking.description(), booking.location(),
                booking.start(), booking.end(), organizer.timeZone(), new Person(organizer.name(), organizer.email()),
                attendees);
    }

    private void link(String bookingUid, Account account, WrittenEvent written) {
        int referenceId = ids.next("BookingReference");
        asTheSystem(new AddBookingReference(bookingUid, referenceId, account.type(), written.uid(), null, null, null,
                written.externalId(), account.credentialId(), null));
        jdbc.update("update calendar.booking_events set booking_reference_id = ? where booking_uid = ?", referenceId,
                bookingUid);
    }

    private void unlink(String bookingUid, int referenceId) {
        try {
            asTheSystem(new RemoveBookingReference(bookingUid, referenceId));
        } catch (NotFound alreadyGone) {
            // removed by hand through the API: the link is gone either way
        }
        jdbc.update("update calendar.booking_events set booking_reference_id = null where booking_uid = ?",
                bookingUid);
    }

    /** The Booking aggregate lets only its host side link it; the system acts for the host here. */
    private void asTheSystem(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AS_THE_SYSTEM));
    }

    private Optional<Row> row(String bookingUid) {
        return jdbc.query("""
                select booking_uid, credential_id, external_calendar_id, event_uid, href, etag, booking_reference_id,
                       status, attempts, requested
                from calendar.booking_events where booking_uid = ?""",
                (rs, i) -> new Row(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), rs.getString(8), rs.getInt(9),
                        rs.getLong(10)), bookingUid).stream().findFirst();
    }

    private void saveWritten(String bookingUid, int credentialId, String calendarId, WrittenEvent written) {
        jdbc.update("""
                update calendar.booking_events set credential_id = ?, external_calendar_id = ?, event_uid = ?,
                    href = ?, etag = ?, status = 'WRITTEN', attempts = 0, last_error = null, updated_at = ?
                where booking_uid = ?""", credentialId, calendarId, written.uid(), written.href(), written.etag(),
                now(), bookingUid);
    }

    private void saveDeleted(String bookingUid) {
        jdbc.update("""
                update calendar.booking_events set href = null, etag = null, status = 'DELETED', attempts = 0,
                    last_error = null, updated_at = ? where booking_uid = ?""", now(), bookingUid);
    }

    /** No destination calendar, or no event to delete: a status still, so the API can say so. */
    private void nothingToDo(Row row) {
        if (!"DELETED".equals(row.status())) {
            jdbc.update("""
                    update calendar.booking_events set status = 'NONE', attempts = 0, last_error = null, updated_at = ?
                    where booking_uid = ?""", now(), row.bookingUid());
        }
    }

    private Instant failed(Row row, Integer credentialId, String calendarId, String error) {
        log.info("Booking {} could not be written to calendar {} of account {}: {}", row.bookingUid(), calendarId,
                credentialId, error);
        record(row, credentialId, calendarId, "FAILED", error);
        return null;
    }

    private Instant retry(Row row, Integer credentialId, String calendarId, RuntimeException e) {
        String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        int attempt = row.attempts() + 1;
        if (attempt >= maxAttempts) {
            return failed(row, credentialId, calendarId, error + " (gave up after " + attempt + " tries)");
        }
        record(row, credentialId, calendarId, "RETRYING", error);
        Instant next = clock.instant().plus(initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
        log.debug("Booking {} to calendar {}: try {} failed ({}), next at {}", row.bookingUid(), calendarId, attempt,
                error, next);
        return next;
    }

    private void record(Row row, Integer credentialId, String calendarId, String status, String error) {
        jdbc.update("""
                update calendar.booking_events set credential_id = ?, external_calendar_id = ?, status = ?,
                    attempts = attempts + 1, last_error = ?, updated_at = ? where booking_uid = ?""",
                credentialId, calendarId, status, error, now(), row.bookingUid());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
