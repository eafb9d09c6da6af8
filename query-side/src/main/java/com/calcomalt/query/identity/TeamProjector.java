package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.TeamDetailsImported;
import com.calcomalt.contracts.identity.TeamRenamed;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.TeamSettingsUpdated;
import com.calcomalt.contracts.identity.TeamSlugChanged;
import com.calcomalt.query.projections.Rows;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps cal.com's {@code Team} table; deleting a team deletes its memberships and settings by cascade. */
@Component
@ProcessingGroup("calcom.Team")
class TeamProjector {

    private final EntityManager entityManager;

    TeamProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(TeamCreated event) {
        Rows.write(entityManager, TeamRow.class, event.teamId(), TeamRow::new, row -> {
            row.id = event.teamId();
            row.name = event.name();
            row.slug = event.slug();
            row.parentId = event.parentId();
            row.isOrganization = event.isOrganization();
            row.createdAt = event.createdAt();
            settings(row, event.settings());
        });
    }

    @EventHandler
    void on(TeamRenamed event) {
        Rows.existing(entityManager, TeamRow.class, event.teamId()).name = event.name();
    }

    @EventHandler
    void on(TeamSlugChanged event) {
        Rows.existing(entityManager, TeamRow.class, event.teamId()).slug = event.slug();
    }

    @EventHandler
    void on(TeamSettingsUpdated event) {
        settings(Rows.existing(entityManager, TeamRow.class, event.teamId()), event.settings());
    }

    @EventHandler
    void on(TeamDetailsImported event) {
        TeamRow row = Rows.existing(entityManager, TeamRow.class, event.teamId());
        row.pendingPayment = event.pendingPayment();
        row.isPlatform = event.isPlatform();
        row.smsLockState = event.smsLockState();
        row.createdByOAuthClientId = event.createdByOAuthClientId();
        row.smsLockReviewedByAdmin = event.smsLockReviewedByAdmin();
        row.autoOptInFeatures = event.autoOptInFeatures();
    }

    @EventHandler
    void on(TeamDeleted event) {
        Rows.delete(entityManager, TeamRow.class, event.teamId());
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"Team\"").executeUpdate();
    }

    private static void settings(TeamRow row, TeamSettings settings) {
        row.bio = settings.bio();
        row.hideBranding = settings.hideBranding();
        row.hideBookATeamMember = settings.hideBookATeamMember();
        row.brandColor = settings.brandColor();
        row.darkBrandColor = settings.darkBrandColor();
        row.theme = settings.theme();
        row.logoUrl = settings.logoUrl();
        row.calVideoLogo = settings.calVideoLogo();
        row.appLogo = settings.appLogo();
        row.appIconLogo = settings.appIconLogo();
        row.bannerUrl = settings.bannerUrl();
        row.timeFormat = settings.timeFormat();
        row.timeZone = settings.timeZone();
        row.weekStart = settings.weekStart();
        row.isPrivate = settings.isPrivate();
        row.metadata = settings.metadata();
        row.bookingLimits = settings.bookingLimits();
        row.includeManagedEventsInLimits = settings.includeManagedEventsInLimits();
        row.rrResetInterval = settings.rrResetInterval();
        row.rrTimestampBasis = settings.rrTimestampBasis();
        row.hideTeamProfileLink = settings.hideTeamProfileLink();
    }
}
