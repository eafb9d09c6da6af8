package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ApiKeyCreated(String keyId, int userId, Integer teamId, String hashedKey, String note, Instant expiresAt, Instant createdAt) {
}
