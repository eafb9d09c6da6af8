package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/** Answered with the caller's schedules. */
public record FindSchedules(Caller caller) {
}
