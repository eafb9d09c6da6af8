package com.calcomalt.query.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of cal.com's {@code DomainWideDelegation} table, the older name of DelegationCredential
 * that cal.com still has; {@code serviceAccountKey} as in {@link DelegationCredentialRow}.
 */
@Entity
@Table(name = "DomainWideDelegation")
class DomainWideDelegationRow {

    @Id
    String id;
    int workspacePlatformId;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> serviceAccountKey;
    boolean enabled = false;
    int organizationId;
    String domain;
    Instant createdAt;
    Instant updatedAt;

    protected DomainWideDelegationRow() {
        // for JPA
    }
}
