package com.calcomalt.command.scheduling;

import java.util.List;

/**
 * What deciding about a schedule needs to know of the user's other schedules.
 *
 * @param defaultScheduleId the user's default schedule, null if they have none yet
 * @param otherScheduleIds  the user's schedules other than the one the command addresses
 */
public record ScheduleFacts(Integer defaultScheduleId, List<Integer> otherScheduleIds) {
}
