package com.calcomalt.query.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code HashedLink} table: a private link to book an event type. */
@Entity
@Table(name = "HashedLink")
class HashedLinkRow {

    @Id
    int id;
    String link;
    int eventTypeId;
    Instant expiresAt;
    int maxUsageCount = 1;
    int usageCount = 0;

    protected HashedLinkRow() {
        // for JPA
    }
}
