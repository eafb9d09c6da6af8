package com.calcomalt.contracts.identity;

import java.time.Instant;

public record MembershipView(int id, int teamId, int userId, boolean accepted, MembershipRole role, boolean disableImpersonation, Instant createdAt, Instant updatedAt, MemberView user) {
}
