package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code UserPassword} table: a bcrypt hash. The table has no primary key; userId is unique. */
@Entity
@Table(name = "UserPassword")
class UserPasswordRow {

    String hash;
    @Id
    int userId;

    protected UserPasswordRow() {
        // for JPA
    }
}
