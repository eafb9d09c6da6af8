package com.calcomalt.contracts.calendar;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<DelegationCredentials>}: empty unless the caller runs the organization. */
public record FindDelegationCredentials(Caller caller, int organizationId) {
}
