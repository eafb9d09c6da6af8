package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A reason for being away; without a user it is one of everybody's reasons. */
public record CreateOutOfOfficeReason(int reasonId, String emoji, String reason, Integer userId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OutOfOfficeReasonIds.aggregateId(reasonId);
    }
}
