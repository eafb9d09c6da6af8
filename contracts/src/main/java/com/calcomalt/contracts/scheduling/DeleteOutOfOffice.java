package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteOutOfOffice(int entryId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OutOfOfficeIds.aggregateId(entryId);
    }
}
