package com.calcomalt.contracts.scheduling;

/** A team member who hosts a team event type, as cal.com's Host. */
public record HostAssignment(int userId, boolean isFixed, Integer priority, Integer weight, Integer scheduleId) {
}
