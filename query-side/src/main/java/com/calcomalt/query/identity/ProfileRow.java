package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code Profile} table: a user in an organization. */
@Entity
@Table(name = "Profile")
class ProfileRow {

    @Id
    int id;
    String uid;
    int userId;
    int organizationId;
    String username;
    Instant createdAt;
    Instant updatedAt;

    protected ProfileRow() {
        // for JPA
    }
}
