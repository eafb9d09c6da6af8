package com.calcomalt.command.scheduling;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.DeleteEventType;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.contracts.scheduling.SyncManagedEventType;
import com.calcomalt.platform.axon.CallerMetaData;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Carries a managed event type's changes to its children, and its deletion. It runs after the
 * parent's change has committed; a failure stops this processor at that event and retries it, so
 * no child is left behind. It sends commands, so a replay of projections must not run it again.
 */
@Component
@DisallowReplay
@ProcessingGroup(ManagedEventTypeSync.PROCESSING_GROUP)
class ManagedEventTypeSync {

    static final String PROCESSING_GROUP = "managed-event-types";
    /** Commands of the system itself, not of a user. */
    private static final MetaData AS_THE_SYSTEM = CallerMetaData.of(new Caller(0, true, null));

    private final CommandGateway commands;
    private final SchedulingLookups lookups;

    ManagedEventTypeSync(CommandGateway commands, SchedulingLookups lookups) {
        this.commands = commands;
        this.lookups = lookups;
    }

    @EventHandler
    void on(EventTypeUpdated event) {
        if (event.parentId() != null) {
            return;
        }
        for (int child : lookups.childrenOf(event.eventTypeId())) {
            commands.sendAndWait(new SyncManagedEventType(child, event.settings(), event.updatedAt()));
        }
    }

    @EventHandler
    void on(EventTypeDeleted event) {
        for (int child : lookups.childrenOf(event.eventTypeId())) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DeleteEventType(child))
                        .andMetaData(AS_THE_SYSTEM));
            } catch (AggregateNotFoundException gone) {
                // deleted before: nothing to carry over
            }
        }
    }
}
