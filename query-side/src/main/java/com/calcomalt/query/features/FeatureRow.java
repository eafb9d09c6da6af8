package com.calcomalt.query.features;

import com.calcomalt.contracts.features.FeatureType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code Feature} table, every column. */
@Entity
@Table(name = "Feature")
class FeatureRow {

    @Id
    String slug;
    boolean enabled;
    String description;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    FeatureType type;
    Boolean stale;
    Instant lastUsedAt;
    Instant createdAt;
    Instant updatedAt;
    Integer updatedBy;

    protected FeatureRow() {
        // for JPA
    }
}
