package com.calcomalt.command.notifications;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.notifications.WebhookLookups.Scope;
import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.notifications.CreateWebhook;
import com.calcomalt.contracts.notifications.TargetsWebhook;
import org.springframework.stereotype.Component;

/**
 * Adds to a webhook command, inside its transaction, what deciding who may manage it needs: the
 * caller's role in the owning team, or the owner of the event type the webhook is scoped to. A
 * command the system sends gets none.
 */
@Component
class WebhookCommandFacts extends CommandFacts {

    private final WebhookLookups webhooks;
    private final SchedulingLookups scheduling;
    private final IdentityCommandFacts identity;

    WebhookCommandFacts(WebhookLookups webhooks, SchedulingLookups scheduling, IdentityCommandFacts identity) {
        this.webhooks = webhooks;
        this.scheduling = scheduling;
        this.identity = identity;
        resolve(CreateWebhook.class, (c, facts) -> {
            if (facts.caller() != null) {
                putScopeFacts(new Scope(c.teamId(), c.eventTypeId()), facts);
            }
        });
        resolve(TargetsWebhook.class, (c, facts) -> {
            if (facts.caller() != null) {
                webhooks.scope(c.webhookId()).ifPresent(scope -> putScopeFacts(scope, facts));
            }
        });
    }

    /** An event type's webhook is managed by whoever manages the event type, whatever team the command names. */
    private void putScopeFacts(Scope scope, Facts facts) {
        Integer teamId = scope.teamId();
        if (scope.eventTypeId() != null) {
            var eventType = scheduling.eventType(scope.eventTypeId());
            eventType.ifPresent(e -> facts.put(Webhook.EVENT_TYPE_OWNER, new Webhook.EventTypeOwner(e.userId(), e.teamId())));
            teamId = eventType.map(SchedulingLookups.EventTypeRecord::teamId).orElse(null);
        }
        identity.putAccess(facts, teamId);
    }
}
