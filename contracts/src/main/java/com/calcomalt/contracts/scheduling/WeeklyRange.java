package com.calcomalt.contracts.scheduling;

import java.time.LocalTime;
import java.util.List;

/** Hours on some days of every week, as a cal.com Availability row: days are 0 (Sunday) to 6 (Saturday). */
public record WeeklyRange(int availabilityId, List<Integer> days, LocalTime startTime, LocalTime endTime) {
}
