package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<EventTypeView>}: empty when it does not exist or the caller may not see it. */
public record FindEventType(int eventTypeId, Caller caller) {
}
