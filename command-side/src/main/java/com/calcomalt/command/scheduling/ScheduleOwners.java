package com.calcomalt.command.scheduling;

import java.util.Map;

/**
 * The schedules that the users an event type can work by own, by schedule id: the event type's
 * owner, or its team's members and hosts. A schedule missing here was deleted or is someone else's.
 */
public record ScheduleOwners(Map<Integer, Integer> ownerBySchedule) {

    public ScheduleOwners {
        ownerBySchedule = Map.copyOf(ownerBySchedule);
    }

    boolean exists(int scheduleId) {
        return ownerBySchedule.containsKey(scheduleId);
    }

    boolean ownedBy(int scheduleId, int userId) {
        return Integer.valueOf(userId).equals(ownerBySchedule.get(scheduleId));
    }
}
