package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An invitation, accepted from the start when the team's founder or an auto-accepted email domain joins. */
@Revision("1")
public record MembershipCreated(int membershipId, int teamId, int userId, MembershipRole role, boolean accepted, Instant createdAt) {
}
