package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateOutOfOffice(int entryId, String uuid, int userId, Instant start, Instant end, Integer reasonId, Integer toUserId, String notes, Boolean showNotePublicly) implements NamesOutOfOfficeRows {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OutOfOfficeIds.aggregateId(entryId);
    }
}
