package com.calcomalt.contracts.scheduling;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A user's first schedule becomes their default whatever {@code makeDefault} says. */
public record CreateSchedule(int scheduleId, int userId, String name, String timeZone, List<WeeklyRange> availability, List<DateOverride> overrides, boolean makeDefault) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ScheduleIds.aggregateId(scheduleId);
    }
}
