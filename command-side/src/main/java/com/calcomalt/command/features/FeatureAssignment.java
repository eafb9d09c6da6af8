package com.calcomalt.command.features;

import com.calcomalt.contracts.features.FeatureAssignmentView;
import com.calcomalt.platform.domain.NotFound;
import java.time.Instant;

/**
 * A flag's standing for one holder (a team or a user), as cal.com's {@code TeamFeatures} and
 * {@code UserFeatures} rows: granted, refused, or (no row) inherited. One stream per holder and flag,
 * which outlives the row: removing it and setting it again is the same stream.
 */
abstract class FeatureAssignment {

    private String slug;
    /** Null while the holder inherits the flag. */
    private Boolean enabled;
    private String assignedBy;
    private Instant assignedAt;
    private Instant updatedAt;

    /** Setting the standing it already has changes nothing. */
    boolean changes(boolean requested) {
        return enabled == null || enabled != requested;
    }

    /** A row keeps when it was first assigned while it is only switched between on and off. */
    Instant assignedAtWhenSet(Instant now) {
        return enabled == null ? now : assignedAt;
    }

    void requireSetting(String holder) {
        if (enabled == null) {
            throw new NotFound(holder + " has no setting of feature " + slug);
        }
    }

    String slug() {
        return slug;
    }

    FeatureAssignmentView view(Integer teamId, Integer userId) {
        return new FeatureAssignmentView(teamId, userId, slug, enabled, assignedBy, assignedAt, updatedAt);
    }

    void set(String slug, boolean enabled, String assignedBy, Instant assignedAt, Instant updatedAt) {
        this.slug = slug;
        this.enabled = enabled;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
        this.updatedAt = updatedAt;
    }

    void removed(Instant at) {
        enabled = null;
        assignedBy = null;
        assignedAt = null;
        updatedAt = at;
    }
}
