package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.SMSLockState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code Team} table, every column; fields start at the column defaults. */
@Entity
@Table(name = "Team")
class TeamRow {

    @Id
    int id;
    String name;
    String slug;
    String bio;
    boolean hideBranding = false;
    Instant createdAt;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata;
    boolean hideBookATeamMember = false;
    String brandColor;
    String darkBrandColor;
    String theme;
    String appLogo;
    String appIconLogo;
    Integer parentId;
    Integer timeFormat;
    String timeZone = "Europe/London";
    String weekStart = "Sunday";
    boolean isPrivate = false;
    String logoUrl;
    String calVideoLogo;
    boolean pendingPayment = false;
    boolean isOrganization = false;
    String bannerUrl;
    boolean isPlatform = false;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    SMSLockState smsLockState = SMSLockState.UNLOCKED;
    String createdByOAuthClientId;
    boolean smsLockReviewedByAdmin = false;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> bookingLimits;
    boolean includeManagedEventsInLimits = false;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    RRResetInterval rrResetInterval = RRResetInterval.MONTH;
    boolean hideTeamProfileLink = false;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    RRTimestampBasis rrTimestampBasis = RRTimestampBasis.CREATED_AT;
    boolean autoOptInFeatures = false;

    protected TeamRow() {
        // for JPA
    }
}
