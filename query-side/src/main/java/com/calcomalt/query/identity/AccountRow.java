package com.calcomalt.query.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code Account} table: an identity provider's account linked to a user. */
@Entity
@Table(name = "Account")
class AccountRow {

    @Id
    String id;
    int userId;
    String type;
    String provider;
    String providerAccountId;
    String refresh_token;
    String access_token;
    Integer expires_at;
    String token_type;
    String scope;
    String id_token;
    String session_state;
    String providerEmail;

    protected AccountRow() {
        // for JPA
    }
}
