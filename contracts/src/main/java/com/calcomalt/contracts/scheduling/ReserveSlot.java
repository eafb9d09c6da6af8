package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holds a slot of an event type for a booker who fills in the form; cal.com holds it 5 minutes. */
public record ReserveSlot(String uid, int reservationId, int eventTypeId, Instant slotStart, Instant slotEnd, int reservationMinutes, boolean isSeat) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return SlotReservationIds.aggregateId(uid);
    }
}
