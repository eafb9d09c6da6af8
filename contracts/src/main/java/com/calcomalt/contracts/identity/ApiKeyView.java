package com.calcomalt.contracts.identity;

import java.time.Instant;

public record ApiKeyView(String id, int userId, Integer teamId, String note, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
}
