package com.calcomalt.contracts.scheduling;

import java.util.List;

/** A schedule as cal.com's API v2 shows one: days by name, times as "09:00". */
public record ScheduleView(int id, int ownerId, String name, String timeZone, boolean isDefault,
                           List<Range> availability, List<Override> overrides) {

    public record Range(List<String> days, String startTime, String endTime) {
    }

    public record Override(String date, String startTime, String endTime) {
    }
}
