package com.calcomalt.contracts.calendar;

import com.calcomalt.contracts.identity.Caller;

/** Answered with an {@code Optional<DelegationCredentialView>}: empty unless the caller runs the organization. */
public record FindDelegationCredential(Caller caller, int organizationId, String delegationCredentialId) {
}
