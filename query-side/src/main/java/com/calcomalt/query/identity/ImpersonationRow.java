package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code Impersonations} table: who impersonated whom, when. */
@Entity
@Table(name = "Impersonations")
class ImpersonationRow {

    @Id
    int id;
    Instant createdAt;
    int impersonatedUserId;
    int impersonatedById;

    protected ImpersonationRow() {
        // for JPA
    }
}
