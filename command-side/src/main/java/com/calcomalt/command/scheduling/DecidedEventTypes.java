package com.calcomalt.command.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputsSet;
import com.calcomalt.contracts.scheduling.EventTypeHostsSet;
import com.calcomalt.contracts.scheduling.EventTypeIds;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.contracts.scheduling.EventTypeView;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.rules.scheduling.EventTypeOutput;
import com.calcomalt.rules.scheduling.EventTypeShapes;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An event type as cal.com's API v2 shows it, folded from its own events: what an event type
 * command answers, without waiting for the read side. A managed parent's stream also holds its
 * children's creation, so each event counts only for the event type it names.
 */
@Component
class DecidedEventTypes {

    private final EventStore events;

    DecidedEventTypes(EventStore events) {
        this.events = events;
    }

    EventTypeOutput of(int eventTypeId) {
        return EventTypeShapes.output(view(eventTypeId));
    }

    EventTypeView view(int eventTypeId) {
        EventTypeView view = null;
        for (DomainEventMessage<?> message : events.readEvents(EventTypeIds.aggregateId(eventTypeId)).asStream()
                .toList()) {
            Object event = message.getPayload();
            if (event instanceof EventTypeCreated e && e.eventTypeId() == eventTypeId) {
                view = new EventTypeView(e.eventTypeId(), e.userId(), e.teamId(), e.parentId(), e.schedulingType(),
                        e.settings(), List.of(), List.of(), e.createdAt(), e.createdAt());
            } else if (view == null) {
                continue;
            } else if (event instanceof EventTypeUpdated e && e.eventTypeId() == eventTypeId) {
                view = new EventTypeView(view.id(), view.userId(), view.teamId(), view.parentId(),
                        view.schedulingType(), e.settings(), view.hosts(), view.customInputs(), view.createdAt(),
                        e.updatedAt());
            } else if (event instanceof EventTypeHostsSet e && e.eventTypeId() == eventTypeId) {
                view = new EventTypeView(view.id(), view.userId(), view.teamId(), view.parentId(),
                        view.schedulingType(), view.settings(), e.hosts(), view.customInputs(), view.createdAt(),
                        view.updatedAt());
            } else if (event instanceof EventTypeCustomInputsSet e && e.eventTypeId() == eventTypeId) {
                view = new EventTypeView(view.id(), view.userId(), view.teamId(), view.parentId(),
                        view.schedulingType(), view.settings(), view.hosts(), e.customInputs(), view.createdAt(),
                        view.updatedAt());
            }
        }
        if (view == null) {
            throw new NotFound("No event type with id " + eventTypeId);
        }
        return view;
    }
}
