package com.calcomalt.contracts.scheduling;

/** A command on an existing schedule: its owner's other schedules decide which one stays the default. */
public interface TargetsSchedule {

    int scheduleId();
}
