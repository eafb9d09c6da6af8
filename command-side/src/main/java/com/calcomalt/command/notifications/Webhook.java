package com.calcomalt.command.notifications;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.notifications.ActivateWebhook;
import com.calcomalt.contracts.notifications.CreateWebhook;
import com.calcomalt.contracts.notifications.DeactivateWebhook;
import com.calcomalt.contracts.notifications.DeleteWebhook;
import com.calcomalt.contracts.notifications.TimeUnit;
import com.calcomalt.contracts.notifications.UpdateWebhook;
import com.calcomalt.contracts.notifications.WebhookActivated;
import com.calcomalt.contracts.notifications.WebhookCreated;
import com.calcomalt.contracts.notifications.WebhookDeactivated;
import com.calcomalt.contracts.notifications.WebhookDeleted;
import com.calcomalt.contracts.notifications.WebhookIds;
import com.calcomalt.contracts.notifications.WebhookTriggerEvent;
import com.calcomalt.contracts.notifications.WebhookUpdated;
import com.calcomalt.contracts.notifications.WebhookView;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * A subscription of a URL to booking triggers, owned by a user, a team, or one event type, as
 * cal.com's Webhook row. A user's webhook is managed by that user; a team's by its ADMINs and
 * OWNERs; an event type's by whoever may change that event type. A user's subscriber URLs are
 * unique, which {@link WebhookRegistry} keeps.
 */
@Aggregate
public class Webhook {

    static final String EVENT_TYPE_OWNER = "webhookEventTypeOwner";
    @AggregateIdentifier
    private String aggregateId;
    private String webhookId;
    private Integer userId;
    private Integer teamId;
    private Integer eventTypeId;
    private String subscriberUrl;
    private List<WebhookTriggerEvent> eventTriggers;
    /** Sealed, as the events carry it: the aggregate never sees the plaintext, it only passes this on. */
    private String encryptedSecret;
    private boolean active;
    private String payloadTemplate;
    private Integer time;
    private TimeUnit timeUnit;
    private Instant createdAt;

    protected Webhook() {
        // for Axon
    }

    /** Who owns an event type, as the command side knows it; absent when there is no such event type. */
    public record EventTypeOwner(Integer userId, Integer teamId) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    WebhookView handle(CreateWebhook command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(EVENT_TYPE_OWNER) EventTypeOwner eventTypeOwner, Clock clock) {
        int owners = (command.userId() == null ? 0 : 1) + (command.teamId() == null ? 0 : 1)
                + (command.eventTypeId() == null ? 0 : 1);
        if (owners != 1) {
            throw new DomainRuleViolation("A webhook belongs to one user, one team or one event type");
        }
        requireManagedBy(caller, access, eventTypeOwner, command.userId(), command.teamId(), command.eventTypeId());
        List<WebhookTriggerEvent> triggers = WebhookRules.requireTriggers(command.eventTriggers());
        WebhookRules.requireTime(triggers, command.time(), command.timeUnit());
        apply(new WebhookCreated(command.webhookId(), command.userId(), command.teamId(), command.eventTypeId(),
                WebhookRules.requireUrl(command.subscriberUrl()), triggers, blankToNull(command.encryptedSecret()),
                command.active(), blankToNull(command.payloadTemplate()), command.time(), command.timeUnit(),
                clock.instant()));
        return view();
    }

    @CommandHandler
    WebhookView handle(UpdateWebhook command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(EVENT_TYPE_OWNER) EventTypeOwner eventTypeOwner, Clock clock) {
        requireManagedBy(caller, access, eventTypeOwner, userId, teamId, eventTypeId);
        String url = command.subscriberUrl() == null ? subscriberUrl
                : WebhookRules.requireUrl(command.subscriberUrl());
        List<WebhookTriggerEvent> triggers = command.eventTriggers() == null ? eventTriggers
                : WebhookRules.requireTriggers(command.eventTriggers());
        // a new secret is sealed with a fresh nonce, so giving one always counts as a change
        String newSecret = command.encryptedSecret() == null ? encryptedSecret
                : blankToNull(command.encryptedSecret());
        String template = command.payloadTemplate() == null ? payloadTemplate : blankToNull(command.payloadTemplate());
        Integer newTime = command.time() == null ? time : command.time();
        TimeUnit newUnit = command.timeUnit() == null ? timeUnit : command.timeUnit();
        WebhookRules.requireTime(triggers, newTime, newUnit);
        boolean changed = !url.equals(subscriberUrl) || !triggers.equals(eventTriggers)
                || !Objects.equals(newSecret, encryptedSecret) || !Objects.equals(template, payloadTemplate)
                || !Objects.equals(newTime, time) || newUnit != timeUnit;
        if (changed) {
            apply(new WebhookUpdated(webhookId, userId, teamId, eventTypeId, url, triggers, newSecret, template,
                    newTime, newUnit, clock.instant()));
        }
        if (command.active() != null && command.active() != active) {
            apply(command.active() ? new WebhookActivated(webhookId, clock.instant())
                    : new WebhookDeactivated(webhookId, clock.instant()));
        }
        return view();
    }

    @CommandHandler
    WebhookView handle(ActivateWebhook command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(EVENT_TYPE_OWNER) EventTypeOwner eventTypeOwner, Clock clock) {
        requireManagedBy(caller, access, eventTypeOwner, userId, teamId, eventTypeId);
        if (!active) {
            apply(new WebhookActivated(webhookId, clock.instant()));
        }
        return view();
    }

    @CommandHandler
    WebhookView handle(DeactivateWebhook command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(EVENT_TYPE_OWNER) EventTypeOwner eventTypeOwner, Clock clock) {
        requireManagedBy(caller, access, eventTypeOwner, userId, teamId, eventTypeId);
        if (active) {
            apply(new WebhookDeactivated(webhookId, clock.instant()));
        }
        return view();
    }

    @CommandHandler
    WebhookView handle(DeleteWebhook command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(EVENT_TYPE_OWNER) EventTypeOwner eventTypeOwner, Clock clock) {
        requireManagedBy(caller, access, eventTypeOwner, userId, teamId, eventTypeId);
        WebhookView deleted = view();
        apply(new WebhookDeleted(webhookId, userId, teamId, eventTypeId, subscriberUrl, clock.instant()));
        return deleted;
    }

    /** The webhook as its events leave it, what every command answers (a deletion: as it was); the table keeps microseconds. */
    private WebhookView view() {
        return new WebhookView(webhookId, userId, teamId, eventTypeId, subscriberUrl, eventTriggers, active,
                payloadTemplate, encryptedSecret != null, time, timeUnit,
                createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MICROS));
    }

    private static void requireManagedBy(Caller caller, TeamAccess access, EventTypeOwner eventTypeOwner,
                                         Integer userId, Integer teamId, Integer eventTypeId) {
        if (caller == null) {
            throw new AccessDenied("Webhooks are managed by a known caller");
        }
        if (userId != null) {
            if (!caller.mayActAs(userId)) {
                throw new AccessDenied("Only user " + userId + " manages their webhooks");
            }
        } else if (teamId != null) {
            requireRuns(access, teamId);
        } else {
            if (eventTypeOwner == null) {
                throw new NotFound("No event type " + eventTypeId);
            }
            if (eventTypeOwner.teamId() != null) {
                requireRuns(access, eventTypeOwner.teamId());
            } else if (!caller.mayActAs(eventTypeOwner.userId())) {
                throw new AccessDenied("Only user " + eventTypeOwner.userId() + " manages the webhooks of event type "
                        + eventTypeId);
            }
        }
    }

    private static void requireRuns(TeamAccess access, int teamId) {
        if (access == null || access.teamId() != teamId) {
            throw new NotFound("No team " + teamId);
        }
        if (!access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner of team " + teamId + " manages its webhooks");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @EventSourcingHandler
    void on(WebhookCreated event) {
        aggregateId = WebhookIds.aggregateId(event.webhookId());
        webhookId = event.webhookId();
        userId = event.userId();
        teamId = event.teamId();
        eventTypeId = event.eventTypeId();
        subscriberUrl = event.subscriberUrl();
        eventTriggers = event.eventTriggers();
        encryptedSecret = event.encryptedSecret();
        active = event.active();
        payloadTemplate = event.payloadTemplate();
        time = event.time();
        timeUnit = event.timeUnit();
        createdAt = event.createdAt();
    }

    @EventSourcingHandler
    void on(WebhookUpdated event) {
        subscriberUrl = event.subscriberUrl();
        eventTriggers = event.eventTriggers();
        encryptedSecret = event.encryptedSecret();
        payloadTemplate = event.payloadTemplate();
        time = event.time();
        timeUnit = event.timeUnit();
    }

    @EventSourcingHandler
    void on(WebhookActivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(WebhookDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(WebhookDeleted event) {
        markDeleted();
    }
}
