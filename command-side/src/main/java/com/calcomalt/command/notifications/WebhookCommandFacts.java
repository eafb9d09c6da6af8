package com.calcomalt.command.notifications;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.notifications.ActivateWebhook;
import com.calcomalt.contracts.notifications.CreateWebhook;
import com.calcomalt.contracts.notifications.DeactivateWebhook;
import com.calcomalt.contracts.notifications.DeleteWebhook;
import com.calcomalt.contracts.notifications.UpdateWebhook;
import com.calcomalt.platform.axon.CallerMetaData;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds to a webhook command, inside its transaction, what deciding who may manage it needs: the
 * caller's role in the owning team, or the owner of the event type the webhook is scoped to.
 */
@Component
class WebhookCommandFacts implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final SchedulingLookups scheduling;
    private final IdentityCommandFacts identityFacts;

    WebhookCommandFacts(JdbcTemplate jdbc, SchedulingLookups scheduling, IdentityCommandFacts identityFacts) {
        this.jdbc = jdbc;
        this.scheduling = scheduling;
        this.identityFacts = identityFacts;
    }

    private record Scope(Integer teamId, Integer eventTypeId) {
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getMetaData().get(CallerMetaData.CALLER) instanceof Caller caller) {
            Scope scope = scopeOf(command.getPayload());
            if (scope != null) {
                Map<String, Object> facts = factsFor(scope, caller);
                if (!facts.isEmpty()) {
                    unitOfWork.transformMessage(message -> message.andMetaData(MetaData.from(facts)));
                }
            }
        }
        return chain.proceed();
    }

    private Scope scopeOf(Object command) {
        if (command instanceof CreateWebhook c) {
            return new Scope(c.teamId(), c.eventTypeId());
        }
        String webhookId = command instanceof UpdateWebhook c ? c.webhookId()
                : command instanceof DeleteWebhook c ? c.webhookId()
                : command instanceof ActivateWebhook c ? c.webhookId()
                : command instanceof DeactivateWebhook c ? c.webhookId() : null;
        if (webhookId == null) {
            return null;
        }
        return jdbc.query("select team_id, event_type_id from command_side.webhooks where webhook_id = ?",
                (rs, i) -> new Scope((Integer) rs.getObject(1), (Integer) rs.getObject(2)), webhookId)
                .stream().findFirst().orElse(null);
    }

    private Map<String, Object> factsFor(Scope scope, Caller caller) {
        Map<String, Object> facts = new HashMap<>();
        Integer teamId = scope.teamId();
        if (scope.eventTypeId() != null) {
            var eventType = scheduling.eventType(scope.eventTypeId());
            eventType.ifPresent(e -> facts.put(Webhook.EVENT_TYPE_OWNER, new Webhook.EventTypeOwner(e.userId(), e.teamId())));
            teamId = eventType.map(SchedulingLookups.EventTypeRecord::teamId).orElse(null);
        }
        if (teamId != null) {
            identityFacts.access(caller, teamId).ifPresent(access -> facts.put(IdentityCommandFacts.ACCESS, access));
        }
        return facts;
    }
}
