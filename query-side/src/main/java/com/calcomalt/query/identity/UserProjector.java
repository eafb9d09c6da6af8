package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.OrganizationProfileRemoved;
import com.calcomalt.contracts.identity.UserDetailsImported;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserImpersonationSettingChanged;
import com.calcomalt.contracts.identity.UserRoleChanged;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserUnlocked;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code users} table. */
@Component
@ProcessingGroup("calcom.users")
class UserProjector {

    private final EntityManager entityManager;

    UserProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(UserRegistered event) {
        UserRow existing = entityManager.find(UserRow.class, event.userId());
        UserRow row = existing != null ? existing : new UserRow(event.userId());
        row.uuid = event.uuid();
        row.email = event.email();
        row.username = event.username();
        row.name = event.name();
        row.timeZone = event.timeZone();
        row.weekStart = event.weekStart();
        row.locale = event.locale();
        row.timeFormat = event.timeFormat();
        row.identityProvider = event.identityProvider();
        row.identityProviderId = event.identityProviderId();
        row.creationSource = event.creationSource();
        row.created = event.registeredAt();
        if (existing == null) {
            entityManager.persist(row);
        }
    }

    @EventHandler
    void on(UserEmailChanged event) {
        UserRow row = existing(event.userId());
        row.email = event.email();
    }

    @EventHandler
    void on(UserProfileUpdated event) {
        UserRow row = existing(event.userId());
        row.username = event.username();
        row.name = event.name();
        row.bio = event.bio();
        row.timeZone = event.timeZone();
        row.weekStart = event.weekStart();
        row.locale = event.locale();
        row.timeFormat = event.timeFormat();
        row.avatarUrl = event.avatarUrl();
        row.brandColor = event.brandColor();
        row.darkBrandColor = event.darkBrandColor();
        row.theme = event.theme();
        row.appTheme = event.appTheme();
        row.hideBranding = event.hideBranding();
        row.allowDynamicBooking = event.allowDynamicBooking();
        row.metadata = event.metadata();
    }

    @EventHandler
    void on(UserDetailsImported event) {
        UserRow row = existing(event.userId());
        row.startTime = event.startTime();
        row.endTime = event.endTime();
        row.bufferTime = event.bufferTime();
        row.emailVerified = event.emailVerified();
        row.completedOnboarding = event.completedOnboarding();
        row.twoFactorEnabled = event.twoFactorEnabled();
        row.twoFactorSecret = event.twoFactorSecret();
        row.invitedTo = event.invitedTo();
        row.verified = event.verified();
        row.trialEndsAt = event.trialEndsAt();
        row.allowDynamicBooking = event.allowDynamicBooking();
        row.organizationId = event.organizationId();
        row.allowSEOIndexing = event.allowSEOIndexing();
        row.backupCodes = event.backupCodes();
        row.receiveMonthlyDigestEmail = event.receiveMonthlyDigestEmail();
        row.movedToProfileId = event.movedToProfileId();
        row.isPlatformManaged = event.isPlatformManaged();
        row.smsLockState = event.smsLockState();
        row.smsLockReviewedByAdmin = event.smsLockReviewedByAdmin();
        row.referralLinkId = event.referralLinkId();
        row.lastActiveAt = event.lastActiveAt();
        row.whitelistWorkflows = event.whitelistWorkflows();
        row.requiresBookerEmailVerification = event.requiresBookerEmailVerification();
        row.autoOptInFeatures = event.autoOptInFeatures();
    }

    @EventHandler
    void on(UserLocked event) {
        existing(event.userId()).locked = true;
    }

    @EventHandler
    void on(UserUnlocked event) {
        existing(event.userId()).locked = false;
    }

    @EventHandler
    void on(UserRoleChanged event) {
        existing(event.userId()).role = event.role();
    }

    @EventHandler
    void on(UserImpersonationSettingChanged event) {
        existing(event.userId()).disableImpersonation = event.disableImpersonation();
    }

    /** cal.com points a user at the organization they joined. */
    @EventHandler
    void on(OrganizationProfileCreated event) {
        existing(event.userId()).organizationId = event.organizationId();
    }

    @EventHandler
    void on(OrganizationProfileRemoved event) {
        UserRow row = existing(event.userId());
        if (Integer.valueOf(event.organizationId()).equals(row.organizationId)) {
            row.organizationId = null;
        }
    }

    /** An event about a user whose row is missing means the stream is broken: fail and retry, never skip. */
    private UserRow existing(int userId) {
        UserRow row = entityManager.find(UserRow.class, userId);
        if (row == null) {
            throw new IllegalStateException("No users row " + userId + " to update");
        }
        return row;
    }

    /**
     * A booking's internal notes are cal.com's one foreign key that RESTRICTs: a note keeps its author.
     * Axon resets a processor's groups in no fixed order, so the notes go first here; their own
     * projector clears them too and rebuilds them.
     */
    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"BookingInternalNote\"").executeUpdate();
        entityManager.createNativeQuery("delete from \"users\"").executeUpdate();
    }
}
