package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DelegationCredentialDisabled(String delegationCredentialId, int organizationId, Instant at) {
}
