package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisableOutOfOfficeReason(int reasonId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OutOfOfficeReasonIds.aggregateId(reasonId);
    }
}
