package com.calcomalt.query.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of cal.com's {@code Credential} table. {@code key} holds the sealed login as a JSON string,
 * as cal.com keeps a CalDAV login encrypted there; never the plaintext.
 */
@Entity
@Table(name = "Credential")
class CredentialRow {

    @Id
    int id;
    String type;
    @Column(name = "key")
    @JdbcTypeCode(SqlTypes.JSON)
    String key;
    Integer userId;
    String appId;
    Boolean invalid = false;
    Integer teamId;
    Integer billingCycleStart;
    String paymentStatus;
    String subscriptionId;
    String delegationCredentialId;

    protected CredentialRow() {
        // for JPA
    }
}
