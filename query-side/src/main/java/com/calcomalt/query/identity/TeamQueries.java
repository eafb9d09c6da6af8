package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.FindSubTeams;
import com.calcomalt.contracts.identity.FindTeam;
import com.calcomalt.contracts.identity.FindTeamsOfCaller;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.TeamView;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class TeamQueries {

    private final TeamRows teams;
    private final OrganizationSettingsRows organizationSettings;
    private final MembershipRows memberships;
    private final IdentityVisibility visibility;

    TeamQueries(TeamRows teams, OrganizationSettingsRows organizationSettings,
                MembershipRows memberships, IdentityVisibility visibility) {
        this.teams = teams;
        this.organizationSettings = organizationSettings;
        this.memberships = memberships;
        this.visibility = visibility;
    }

    @QueryHandler
    Optional<TeamView> handle(FindTeam query) {
        return teams.findById(query.teamId())
                .filter(team -> visibility.canSeeTeam(query.caller(), team.id))
                .map(this::view);
    }

    @QueryHandler
    List<TeamView> handle(FindTeamsOfCaller query) {
        return teams.findByIdInOrderById(memberships.teamIdsOf(query.caller().userId())).stream()
                .filter(team -> visibility.canSeeTeam(query.caller(), team.id))
                .map(this::view).toList();
    }

    @QueryHandler
    List<TeamView> handle(FindSubTeams query) {
        return teams.findByParentIdOrderById(query.organizationId()).stream()
                .filter(team -> visibility.canSeeTeam(query.caller(), team.id))
                .map(this::view).toList();
    }

    private TeamView view(TeamRow t) {
        OrganizationSettings settings = t.isOrganization
                ? organizationSettings.findByOrganizationId(t.id).map(TeamQueries::settings).orElse(null) : null;
        return new TeamView(t.id, t.parentId, t.name, t.slug, t.logoUrl, t.calVideoLogo, t.appLogo, t.appIconLogo,
                t.bio, t.hideBranding, t.isOrganization, t.isPrivate, t.hideBookATeamMember, t.metadata, t.theme,
                t.brandColor, t.darkBrandColor, t.bannerUrl, t.timeFormat, t.timeZone, t.weekStart, t.createdAt,
                settings);
    }

    private static OrganizationSettings settings(OrganizationSettingsRow s) {
        return new OrganizationSettings(s.orgAutoAcceptEmail, s.isOrganizationConfigured, s.isOrganizationVerified,
                s.lockEventTypeCreationForUsers, s.isAdminReviewed, s.adminGetsNoSlotsNotification,
                s.isAdminAPIEnabled, s.allowSEOIndexing, s.orgProfileRedirectsToVerifiedDomain,
                s.disablePhoneOnlySMSNotifications, s.disableAutofillOnBookingPage, s.orgAutoJoinOnSignup,
                s.disableAttendeeAwaitingPaymentEmail, s.disableAttendeeCancellationEmail,
                s.disableAttendeeConfirmationEmail, s.disableAttendeeLocationChangeEmail,
                s.disableAttendeeNewEventEmail, s.disableAttendeeReassignedEmail, s.disableAttendeeRequestEmail,
                s.disableAttendeeRescheduleRequestEmail, s.disableAttendeeRescheduledEmail);
    }
}
