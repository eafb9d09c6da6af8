package com.calcomalt.contracts.calendar;

import java.util.List;

/** An organization's delegation credentials, oldest first. */
public record DelegationCredentials(List<DelegationCredentialView> credentials) {
}
