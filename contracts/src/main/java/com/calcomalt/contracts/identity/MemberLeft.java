package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberLeft(int membershipId, int teamId, int userId, Instant leftAt) {
}
