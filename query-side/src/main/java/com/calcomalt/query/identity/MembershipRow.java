package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.MembershipRole;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code Membership} table. */
@Entity
@Table(name = "Membership")
class MembershipRow {

    int teamId;
    int userId;
    boolean accepted = false;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    MembershipRole role;
    boolean disableImpersonation = false;
    @Id
    int id;
    Instant createdAt;
    Instant updatedAt;
    String customRoleId;

    protected MembershipRow() {
        // for JPA
    }
}
