package com.calcomalt.query.features;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of cal.com's {@code UserFeatures} table, every column: a user's own standing for a flag. */
@Entity
@Table(name = "UserFeatures")
@IdClass(UserFeatureRow.Key.class)
class UserFeatureRow {

    @Id
    int userId;
    @Id
    String featureId;
    Instant assignedAt;
    String assignedBy;
    Instant updatedAt;
    boolean enabled;

    protected UserFeatureRow() {
        // for JPA
    }

    record Key(int userId, String featureId) implements Serializable {
    }
}
