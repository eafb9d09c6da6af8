package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code AccessToken} table; secret holds the SHA-256 of the token. */
@Entity
@Table(name = "AccessToken")
class AccessTokenRow {

    @Id
    int id;
    String secret;
    Instant createdAt;
    Instant expiresAt;
    String platformOAuthClientId;
    int userId;

    protected AccessTokenRow() {
        // for JPA
    }
}
