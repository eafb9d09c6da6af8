package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code ResetPasswordRequest} table. */
@Entity
@Table(name = "ResetPasswordRequest")
class ResetPasswordRequestRow {

    @Id
    String id;
    Instant createdAt;
    Instant updatedAt;
    String email;
    Instant expires;

    protected ResetPasswordRequestRow() {
        // for JPA
    }
}
