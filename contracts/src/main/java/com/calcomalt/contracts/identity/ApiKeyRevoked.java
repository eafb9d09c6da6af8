package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ApiKeyRevoked(String keyId, int userId, Integer teamId, Instant revokedAt) {
}
