package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MembershipImpersonationChanged(int membershipId, int teamId, int userId, boolean disableImpersonation, Instant changedAt) {
}
