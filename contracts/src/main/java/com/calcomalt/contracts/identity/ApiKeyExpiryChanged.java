package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ApiKeyExpiryChanged(String keyId, int userId, Instant expiresAt, Instant changedAt) {
}
