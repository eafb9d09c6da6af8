package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Carries the SHA-256 of the session token only. */
@Revision("1")
public record SessionStarted(String sessionId, int userId, String sessionTokenHash, Instant expires, Instant startedAt) {
}
