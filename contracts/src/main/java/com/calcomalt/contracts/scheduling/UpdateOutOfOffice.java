package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Like a PATCH: what is null stays. */
public record UpdateOutOfOffice(int entryId, Instant start, Instant end, Integer reasonId, Integer toUserId, String notes, Boolean showNotePublicly) implements NamesOutOfOfficeRows {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OutOfOfficeIds.aggregateId(entryId);
    }
}
