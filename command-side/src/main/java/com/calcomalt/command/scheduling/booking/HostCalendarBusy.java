package com.calcomalt.command.scheduling.booking;

import com.calcomalt.calendar.HostCalendars;
import com.calcomalt.calendar.HostCalendars.HostsBusy;
import com.calcomalt.calendar.HostCalendars.Selected;
import com.calcomalt.calendar.UnreadableCalendar;
import com.calcomalt.command.calendar.CalendarLookups;
import com.calcomalt.contracts.calendar.InvalidateCalendarCredential;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.secrets.SecretBox;
import com.calcomalt.rules.scheduling.SlotInputs.Interval;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a booking re-checks before it is decided: the hosts' calendars, read fresh from their
 * servers (not from the cache), outside the command's transaction. A calendar that cannot be read
 * does not stop the booking (see the README); one whose login the server refused is marked invalid.
 */
@Component
public class HostCalendarBusy {

    private static final Logger log = LoggerFactory.getLogger(HostCalendarBusy.class);
    /**
     * The re-check runs in the booker's request, whose caller would otherwise go with the command, and
     * only the system marks a login refused: it is what the server said, not the booker's choice.
     */
    private static final MetaData AS_THE_SYSTEM = CallerMetaData.of(new Caller(0, true, null));

    private final HostCalendars calendars;
    private final CalendarLookups lookups;
    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final CommandGateway commands;

    HostCalendarBusy(HostCalendars calendars, CalendarLookups lookups, JdbcTemplate jdbc, SecretBox secrets,
                     CommandGateway commands) {
        this.calendars = calendars;
        this.lookups = lookups;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.commands = commands;
    }

    /** Per host, the busy intervals of their calendars between {@code from} and {@code to}. */
    public Map<Integer, List<Interval>> of(List<Integer> userIds, Integer eventTypeId, Instant from, Instant to) {
        List<Selected> selected = lookups.selectedCalendars(userIds, eventTypeId).stream()
                .map(s -> new Selected(s.userId(), s.account().credentialId(), s.account().type(),
                        s.account().sealedKey(), s.account().invalid(), s.externalId())).toList();
        HostsBusy busy = calendars.busy(selected, secrets::open, this::bookingsAmong, from, to, false);
        busy.unreadable().stream().filter(UnreadableCalendar::authenticationFailed)
                .filter(u -> selected.stream().anyMatch(s -> s.credentialId() == u.credentialId() && !s.invalid()))
                .map(UnreadableCalendar::credentialId).distinct()
                .forEach(id -> commands.send(GenericCommandMessage.asCommandMessage(
                        new InvalidateCalendarCredential(id, "the calendar server refused the login"))
                        .andMetaData(AS_THE_SYSTEM)));
        busy.unreadable().forEach(u -> log.warn("Calendar {} of credential {} was not read for a booking: {}",
                u.externalId(), u.credentialId(), u.reason()));
        return busy.busyByUser().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(b -> new Interval(b.start(), b.end())).toList()));
    }

    /** A calendar event is one of our bookings when a booking's stream has that UID, whatever became of it. */
    private Set<String> bookingsAmong(Collection<String> uids) {
        String[] streams = uids.stream().map(BookingIds::aggregateId).toArray(String[]::new);
        return new HashSet<>(jdbc.queryForList("""
                select substr(aggregate_identifier, 9) from eventstore.domain_event_entry
                where aggregate_identifier = any (?) and sequence_number = 0""", String.class, (Object) streams));
    }
}
