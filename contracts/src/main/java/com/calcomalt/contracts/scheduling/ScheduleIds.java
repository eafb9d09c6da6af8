package com.calcomalt.contracts.scheduling;

/** In the event store the stream of a schedule is "schedule:{id}". */
public final class ScheduleIds {

    private ScheduleIds() {
    }

    public static String aggregateId(int scheduleId) {
        return "schedule:" + scheduleId;
    }
}
