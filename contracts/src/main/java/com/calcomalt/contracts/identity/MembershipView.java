package com.calcomalt.contracts.identity;

import java.time.Instant;

/** A membership as cal.com API v2's TeamMembershipOutput shows one; {@code createdAt} and {@code updatedAt} are ours. */
public record MembershipView(int id, int teamId, int userId, boolean accepted, MembershipRole role,
                             boolean disableImpersonation, Instant createdAt, Instant updatedAt, MemberView user) {
}
