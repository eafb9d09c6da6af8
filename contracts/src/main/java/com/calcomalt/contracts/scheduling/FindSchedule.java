package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<ScheduleView>}: empty unless it is the caller's (or they are a system admin). */
public record FindSchedule(int scheduleId, Caller caller) {
}
