package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/** Answered with the event types of a team ({@code teamId} set) or else of the caller, as far as the caller may see them. */
public record FindEventTypes(Integer teamId, Caller caller) {
}
