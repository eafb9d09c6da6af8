package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserLocked(int userId, Instant lockedAt) {
}
