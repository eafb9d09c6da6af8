package com.calcomalt.contracts.scheduling;

import com.calcomalt.contracts.identity.Caller;

/**
 * Answered with Optional {@link PrivateLinks}: empty when there is no such event type or the caller
 * may not change it.
 */
public record FindPrivateLinks(int eventTypeId, Caller caller) {
}
