package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.SMSLockState;
import com.calcomalt.contracts.identity.UserPermissionRole;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of cal.com's {@code users} table, every column. Fields start at cal.com's column defaults,
 * because a projector writes whole rows and a replay must write the same ones.
 */
@Entity
@Table(name = "users")
class UserRow {

    @Id
    int id;
    String username;
    String name;
    String email;
    String bio;
    String timeZone = "Europe/London";
    String weekStart = "Sunday";
    int startTime = 0;
    int endTime = 1440;
    Instant created;
    int bufferTime = 0;
    Instant emailVerified;
    boolean hideBranding = false;
    String theme;
    boolean completedOnboarding = false;
    boolean twoFactorEnabled = false;
    String twoFactorSecret;
    String locale;
    String brandColor;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    IdentityProvider identityProvider = IdentityProvider.CAL;
    String identityProviderId;
    Integer invitedTo;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata;
    Boolean verified = false;
    Integer timeFormat = 12;
    String darkBrandColor;
    Instant trialEndsAt;
    Integer defaultScheduleId;
    Boolean allowDynamicBooking = true;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    UserPermissionRole role = UserPermissionRole.USER;
    boolean disableImpersonation = false;
    Integer organizationId;
    Boolean allowSEOIndexing = true;
    String backupCodes;
    Boolean receiveMonthlyDigestEmail = true;
    String avatarUrl;
    boolean locked = false;
    String appTheme;
    Integer movedToProfileId;
    boolean isPlatformManaged = false;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    SMSLockState smsLockState = SMSLockState.UNLOCKED;
    boolean smsLockReviewedByAdmin = false;
    String referralLinkId;
    Instant lastActiveAt;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    CreationSource creationSource;
    boolean whitelistWorkflows = false;
    Boolean requiresBookerEmailVerification = false;
    UUID uuid;
    boolean autoOptInFeatures = false;

    protected UserRow() {
        // for JPA
    }

    UserRow(int id) {
        this.id = id;
    }
}
