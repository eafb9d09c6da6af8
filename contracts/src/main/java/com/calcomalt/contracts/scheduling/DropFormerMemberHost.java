package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the system when a user stops being a member of the event type's team: cal.com deletes their
 * Host rows with the membership (Host.memberId cascades), so they stop hosting it.
 */
public record DropFormerMemberHost(int eventTypeId, int userId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EventTypeIds.aggregateId(eventTypeId);
    }
}
