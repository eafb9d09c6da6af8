package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code Session} table; sessionToken holds the SHA-256 of the token. */
@Entity
@Table(name = "Session")
class SessionRow {

    @Id
    String id;
    String sessionToken;
    int userId;
    Instant expires;

    protected SessionRow() {
        // for JPA
    }
}
