package com.calcomalt.contracts.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteSchedule(int scheduleId) implements TargetsSchedule {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ScheduleIds.aggregateId(scheduleId);
    }
}
