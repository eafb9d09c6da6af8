package com.calcomalt.command.calendar;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.calendar.CalendarConnected;
import com.calcomalt.contracts.calendar.CalendarCredentialInvalidated;
import com.calcomalt.contracts.calendar.CalendarDeselected;
import com.calcomalt.contracts.calendar.CalendarDisconnected;
import com.calcomalt.contracts.calendar.CalendarIds;
import com.calcomalt.contracts.calendar.CalendarSelected;
import com.calcomalt.contracts.calendar.ConnectCalendar;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.calendar.DeselectCalendar;
import com.calcomalt.contracts.calendar.DisconnectCalendar;
import com.calcomalt.contracts.calendar.InvalidateCalendarCredential;
import com.calcomalt.contracts.calendar.SelectCalendar;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A connected calendar account, cal.com's Credential row, with the calendars found in it and which
 * of them count for whose conflicts (its SelectedCalendar rows). The login was checked before the
 * command; the aggregate only ever holds the sealed key and passes it on.
 */
@Aggregate
public class CalendarCredential {

    /** Who owns the event type an event-level selection names: absent when there is no such event type. */
    public record EventTypeOwner(Integer userId, Integer teamId) {
    }

    public static final String EVENT_TYPE_OWNER = "calendarEventTypeOwner";

    @AggregateIdentifier
    private String aggregateId;
    private int credentialId;
    private String type;
    private String appId;
    private Integer userId;
    private Integer teamId;
    private boolean invalid;
    private Map<String, ConnectedCalendar> calendars;
    private final Map<Selection, String> selected = new HashMap<>();

    private record Selection(int userId, String externalId, Integer eventTypeId) {
    }

    protected CalendarCredential() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(ConnectCalendar command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        if ((command.userId() == null) == (command.teamId() == null)) {
            throw new DomainRuleViolation("A calendar account belongs to one user or one team");
        }
        CalendarAccess.requireManages(caller, access, command.userId(), command.teamId());
        if (command.calendars() == null || command.calendars().isEmpty()) {
            throw new DomainRuleViolation("The account has no calendar to connect");
        }
        apply(new CalendarConnected(command.credentialId(), command.type(), command.appId(), command.userId(),
                command.teamId(), command.sealedKey(), command.calendars(), clock.instant()));
    }

    /** Only the system marks a login refused: it is what the calendar server said, not a user's choice. */
    @CommandHandler
    void handle(InvalidateCalendarCredential command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                Clock clock) {
        if (caller != null && !caller.systemAdmin()) {
            throw new AccessDenied("Only the system marks a calendar login refused");
        }
        if (!invalid) {
            apply(new CalendarCredentialInvalidated(credentialId, userId, teamId, command.reason(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(DisconnectCalendar command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        CalendarAccess.requireManages(caller, access, userId, teamId);
        apply(new CalendarDisconnected(credentialId, type, appId, userId, teamId, invalid, clock.instant()));
    }

    /** Selecting a calendar twice keeps the first selection, as cal.com answers the row it has. */
    @CommandHandler
    void handle(SelectCalendar command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(EVENT_TYPE_OWNER) EventTypeOwner eventType, Clock clock) {
        requireUsedBy(caller, access, command.userId());
        requireCalendar(command.externalId());
        if (command.eventTypeId() != null) {
            requireEventTypeOf(command.userId(), command.eventTypeId(), eventType);
        }
        Selection selection = new Selection(command.userId(), command.externalId(), command.eventTypeId());
        if (!selected.containsKey(selection)) {
            apply(new CalendarSelected(credentialId, command.selectedCalendarId(), command.userId(), type,
                    command.externalId(), command.eventTypeId(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(DeselectCalendar command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireUsedBy(caller, access, command.userId());
        String id = selected.get(new Selection(command.userId(), command.externalId(), command.eventTypeId()));
        if (id == null) {
            throw new NotFound("Calendar " + command.externalId() + " of credential " + credentialId
                    + " is not selected" + (command.eventTypeId() == null ? "" : " for event type " + command.eventTypeId()));
        }
        apply(new CalendarDeselected(credentialId, id, command.userId(), type, command.externalId(),
                command.eventTypeId(), clock.instant()));
    }

    /** A user's account counts only for that user; a team's for whoever its ADMINs choose among themselves. */
    private void requireUsedBy(Caller caller, TeamAccess access, int forUser) {
        CalendarAccess.requireManages(caller, access, userId, teamId);
        if (userId != null && userId != forUser) {
            throw new DomainRuleViolation("Credential " + credentialId + " is user " + userId + "'s, not user " + forUser + "'s");
        }
        if (teamId != null && !caller.systemAdmin() && caller.userId() != forUser) {
            throw new AccessDenied("A team's calendar is selected by each ADMIN for themselves");
        }
    }

    private void requireCalendar(String externalId) {
        if (!calendars.containsKey(externalId)) {
            throw new NotFound("Credential " + credentialId + " has no calendar " + externalId);
        }
    }

    private static void requireEventTypeOf(int user, int eventTypeId, EventTypeOwner eventType) {
        if (eventType == null) {
            throw new NotFound("No event type with id " + eventTypeId);
        }
        if (eventType.userId() != null && eventType.userId() != user) {
            throw new DomainRuleViolation("Event type " + eventTypeId + " is not user " + user + "'s");
        }
    }

    @EventSourcingHandler
    void on(CalendarConnected event) {
        aggregateId = CalendarIds.credential(event.credentialId());
        credentialId = event.credentialId();
        type = event.type();
        appId = event.appId();
        userId = event.userId();
        teamId = event.teamId();
        calendars = new LinkedHashMap<>();
        event.calendars().forEach(c -> calendars.put(c.externalId(), c));
    }

    @EventSourcingHandler
    void on(CalendarCredentialInvalidated event) {
        invalid = true;
    }

    @EventSourcingHandler
    void on(CalendarSelected event) {
        selected.put(new Selection(event.userId(), event.externalId(), event.eventTypeId()), event.selectedCalendarId());
    }

    @EventSourcingHandler
    void on(CalendarDeselected event) {
        selected.values().removeIf(id -> Objects.equals(id, event.selectedCalendarId()));
    }

    @EventSourcingHandler
    void on(CalendarDisconnected event) {
        markDeleted();
    }
}
