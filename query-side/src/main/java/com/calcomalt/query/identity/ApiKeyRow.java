package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code ApiKey} table: the SHA-256 of a key, never the key. */
@Entity
@Table(name = "ApiKey")
class ApiKeyRow {

    @Id
    String id;
    int userId;
    String note;
    Instant createdAt;
    Instant expiresAt;
    Instant lastUsedAt;
    String hashedKey;
    String appId;
    Integer teamId;

    protected ApiKeyRow() {
        // for JPA
    }
}
