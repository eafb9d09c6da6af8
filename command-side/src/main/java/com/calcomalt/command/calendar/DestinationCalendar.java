package com.calcomalt.command.calendar;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.command.calendar.CalendarCredential.EventTypeOwner;
import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.calendar.CalendarIds;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.calendar.DestinationCalendarSet;
import com.calcomalt.contracts.calendar.SetDestinationCalendar;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The calendar a user's bookings, or one event type's, are written to: cal.com's DestinationCalendar
 * row, one per user and one per event type. It must be a writable calendar of a valid account that
 * the owner may use.
 */
@Aggregate
public class DestinationCalendar {

    static final String CREDENTIAL = "destinationCredential";

    /** The account a destination names, as the command side knows it; absent when there is no such account. */
    public record CredentialFacts(int credentialId, Integer userId, Integer teamId, String type, boolean invalid,
                                  List<ConnectedCalendar> calendars) {
    }

    @AggregateIdentifier
    private String aggregateId;
    private int destinationCalendarId;
    private int credentialId;
    private String externalId;

    protected DestinationCalendar() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetDestinationCalendar command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(CREDENTIAL) CredentialFacts credential,
                @MetaDataValue(CalendarCredential.EVENT_TYPE_OWNER) EventTypeOwner eventType,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        if ((command.userId() == null) == (command.eventTypeId() == null)) {
            throw new DomainRuleViolation("A destination calendar belongs to one user or one event type");
        }
        if (caller == null) {
            throw new AccessDenied("Destination calendars are set by a known caller");
        }
        if (credential == null) {
            throw new NotFound("No calendar credential with id " + command.credentialId());
        }
        Integer owner = command.userId() != null ? command.userId() : requireEventType(command, eventType, caller, access);
        boolean usable = owner != null ? Objects.equals(credential.userId(), owner)
                : credential.teamId() != null && credential.teamId().equals(eventType.teamId())
                || Objects.equals(credential.userId(), caller.userId());
        if (owner != null && !caller.mayActAs(owner) || !usable) {
            throw new AccessDenied("Credential " + credential.credentialId() + " is not one the destination's owner may use");
        }
        ConnectedCalendar calendar = credential.calendars().stream()
                .filter(c -> c.externalId().equals(command.externalId())).findFirst()
                .orElseThrow(() -> new NotFound("Credential " + credential.credentialId() + " has no calendar "
                        + command.externalId()));
        if (calendar.readOnly()) {
            throw new DomainRuleViolation("Calendar " + calendar.externalId() + " is read-only: bookings cannot be written to it");
        }
        if (credential.invalid()) {
            throw new DomainRuleViolation("The calendar server refused credential " + credential.credentialId()
                    + "'s login: connect it again first");
        }
        if (credential.credentialId() == credentialId && calendar.externalId().equals(externalId)) {
            return;
        }
        apply(new DestinationCalendarSet(destinationCalendarId != 0 ? destinationCalendarId
                : command.destinationCalendarId(), command.userId(), command.eventTypeId(), credential.type(),
                calendar.externalId(), credential.credentialId(), calendar.primaryEmail(), clock.instant()));
    }

    /** The owner of a personal event type, or null for a team's, whose ADMINs choose its destination. */
    private static Integer requireEventType(SetDestinationCalendar command, EventTypeOwner eventType, Caller caller,
                                            TeamAccess access) {
        if (eventType == null) {
            throw new NotFound("No event type with id " + command.eventTypeId());
        }
        if (eventType.teamId() != null && !(access != null && access.runsTeam())) {
            throw new AccessDenied("Only the ADMINs and OWNERs of team " + eventType.teamId()
                    + " choose where its bookings go");
        }
        return eventType.teamId() != null ? null : eventType.userId();
    }

    @EventSourcingHandler
    void on(DestinationCalendarSet event) {
        aggregateId = CalendarIds.destination(event.userId(), event.eventTypeId());
        destinationCalendarId = event.destinationCalendarId();
        credentialId = event.credentialId();
        externalId = event.externalId();
    }
}
