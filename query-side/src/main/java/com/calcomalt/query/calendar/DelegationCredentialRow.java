package com.calcomalt.query.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of cal.com's {@code DelegationCredential} table, every column. {@code serviceAccountKey} is
 * {@code {"encrypted_credentials": "<sealed key>"}}: an object under cal.com's name for its sealed
 * part, holding the whole key sealed by the platform's SecretBox, so the read side never holds it
 * in plaintext.
 */
@Entity
@Table(name = "DelegationCredential")
class DelegationCredentialRow {

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
    Instant lastDisabledAt;
    Instant lastEnabledAt;

    protected DelegationCredentialRow() {
        // for JPA
    }

    /** What the serviceAccountKey column holds for a sealed key. */
    static Map<String, Object> sealedKey(String encryptedServiceAccountKey) {
        return Map.of("encrypted_credentials", encryptedServiceAccountKey);
    }
}
