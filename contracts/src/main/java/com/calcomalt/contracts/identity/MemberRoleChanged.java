package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberRoleChanged(int membershipId, int teamId, int userId, MembershipRole role, Instant changedAt) {
}
