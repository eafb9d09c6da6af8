package com.calcomalt.query.features;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of cal.com's {@code TeamFeatures} table, every column: a team's own standing for a flag. */
@Entity
@Table(name = "TeamFeatures")
@IdClass(TeamFeatureRow.Key.class)
class TeamFeatureRow {

    @Id
    int teamId;
    @Id
    String featureId;
    Instant assignedAt;
    String assignedBy;
    Instant updatedAt;
    boolean enabled;

    protected TeamFeatureRow() {
        // for JPA
    }

    record Key(int teamId, String featureId) implements Serializable {
    }
}
