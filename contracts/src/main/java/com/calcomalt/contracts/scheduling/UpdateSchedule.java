package com.calcomalt.contracts.scheduling;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames a schedule, changes its time zone, replaces its weekly hours or its date overrides, or makes it the default; what is null stays. */
public record UpdateSchedule(int scheduleId, String name, String timeZone, List<WeeklyRange> availability, List<DateOverride> overrides, Boolean makeDefault) implements TargetsSchedule {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ScheduleIds.aggregateId(scheduleId);
    }
}
