package com.calcomalt.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.DeleteTeam;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.OrganizationSettingsUpdated;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.TeamIds;
import com.calcomalt.contracts.identity.TeamRenamed;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.TeamSettingsUpdated;
import com.calcomalt.contracts.identity.TeamSlugChanged;
import com.calcomalt.contracts.identity.TeamView;
import com.calcomalt.contracts.identity.UpdateOrganizationSettings;
import com.calcomalt.contracts.identity.UpdateTeam;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A team, or an organization: a team with {@code isOrganization} whose sub-teams name it as their
 * parent. Slug uniqueness spans teams and is kept by {@link TeamRegistry}.
 */
@Aggregate
public class Team {

    @AggregateIdentifier
    private String aggregateId;
    private int teamId;
    private Integer parentId;
    private boolean isOrganization;
    private String name;
    private String slug;
    private TeamSettings settings;
    private Integer organizationSettingsId;
    private OrganizationSettings organizationSettings;
    private Instant createdAt;

    protected Team() {
        // for Axon
    }

    /**
     * A creation handler rather than a constructor: inside a constructor Axon holds the team's events
     * back until it returns, and the founder's membership would be stored before the team.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    TeamView handle(CreateTeam command,
         @MetaDataValue(CallerMetaData.CALLER) Caller caller,
         @MetaDataValue(IdentityCommandFacts.PARENT_ACCESS) TeamAccess parent,
         @MetaDataValue(IdentityCommandFacts.FOUNDER) UserFacts founder,
         OrganizationSelfServe selfServe,
         Clock clock) {
        if (caller == null) {
            throw new AccessDenied("Teams are created by a known user");
        }
        if (command.isOrganization()) {
            TeamRules.requireMayCreateOrganization(caller, selfServe.enabled(), command.orgOwnerEmail(), founder);
        } else if (command.orgOwnerEmail() != null) {
            throw new DomainRuleViolation("orgOwnerEmail names the owner of an organization; a team is owned by"
                    + " whoever creates it");
        }
        if (founder == null) {
            throw command.orgOwnerEmail() == null ? new AccessDenied("Teams are created by a known user")
                    : new DomainRuleViolation("There is no user with email '" + command.orgOwnerEmail()
                            + "' to own the organization");
        }
        TeamRules.requireName(command.name());
        TeamRules.requireSlug(command.slug());
        TeamSettings initial = TeamRules.merge(TeamRules.DEFAULTS, command.settings());
        TeamRules.requireSettings(initial);
        OrganizationSettings initialOrganization = null;
        if (command.isOrganization()) {
            if (command.parentId() != null) {
                throw new DomainRuleViolation("An organization cannot belong to another team");
            }
            OrganizationSettings asked = command.organizationSettings();
            initialOrganization = TeamRules.merge(TeamRules.ORGANIZATION_DEFAULTS, asked);
            initialOrganization = TeamRules.merge(initialOrganization, orgEmail(
                    TeamRules.requireAutoAcceptDomain(asked == null ? null : asked.orgAutoAcceptEmail())));
            if (!caller.systemAdmin() && (Boolean.TRUE.equals(initialOrganization.isOrganizationVerified())
                    || Boolean.TRUE.equals(initialOrganization.isAdminReviewed()))) {
                throw new AccessDenied("Only a system administrator verifies or reviews an organization");
            }
        }
        if (command.parentId() != null) {
            if (parent == null) {
                throw new DomainRuleViolation("There is no team " + command.parentId() + " to be the parent");
            }
            if (!parent.isOrganization()) {
                throw new DomainRuleViolation("A sub-team's parent must be an organization; team "
                        + command.parentId() + " is not one");
            }
            if (!parent.runsTeam()) {
                throw new AccessDenied("Only an admin or owner of organization " + command.parentId()
                        + " creates its teams");
            }
            if (parent.roleInTeam() == null) {
                throw new DomainRuleViolation("Whoever creates a team of an organization owns it, and must first be"
                        + " an accepted member of organization " + command.parentId());
            }
        } else if (caller.teamScope() != null) {
            throw new AccessDenied("A team's API key cannot create other teams");
        }
        Instant now = clock.instant();
        apply(new TeamCreated(command.teamId(), command.name(), command.slug(), command.parentId(),
                command.isOrganization(), initial, caller.userId(), now));
        if (command.isOrganization()) {
            apply(new OrganizationSettingsUpdated(command.teamId(), command.organizationSettingsId(),
                    initialOrganization, now));
        }
        Integer organizationId = command.isOrganization() ? Integer.valueOf(command.teamId()) : command.parentId();
        try {
            createNew(Membership.class, () -> Membership.founder(command.ownerMembershipId(), command.teamId(),
                    command.isOrganization() ? organizationId : null, founder, command.ownerProfileId(), now));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The founder's membership of team " + command.teamId()
                    + " could not be created", e);
        }
        return view();
    }

    @CommandHandler
    TeamView handle(UpdateTeam command, @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireRunBy(access);
        Instant now = clock.instant();
        if (command.name() != null && !command.name().equals(name)) {
            TeamRules.requireName(command.name());
            apply(new TeamRenamed(teamId, command.name(), now));
        }
        if (command.slug() != null && !command.slug().equals(slug)) {
            TeamRules.requireSlug(command.slug());
            apply(new TeamSlugChanged(teamId, parentId, command.slug(), now));
        }
        TeamSettings changed = TeamRules.merge(settings, command.settings());
        if (!changed.equals(settings)) {
            TeamRules.requireSettings(changed);
            apply(new TeamSettingsUpdated(teamId, changed, now));
        }
        return view();
    }

    @CommandHandler
    TeamView handle(UpdateOrganizationSettings command, @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                Clock clock) {
        if (!isOrganization) {
            throw new DomainRuleViolation("Team " + teamId + " is not an organization");
        }
        requireRunBy(access);
        OrganizationSettings change = command.settings();
        if (change != null && change.orgAutoAcceptEmail() != null) {
            change = TeamRules.merge(change, orgEmail(TeamRules.requireAutoAcceptDomain(change.orgAutoAcceptEmail())));
        }
        OrganizationSettings changed = TeamRules.merge(organizationSettings, change);
        boolean verificationChanged = !Objects.equals(changed.isOrganizationVerified(),
                organizationSettings.isOrganizationVerified())
                || !Objects.equals(changed.isAdminReviewed(), organizationSettings.isAdminReviewed());
        if (verificationChanged && !access.caller().systemAdmin()) {
            throw new AccessDenied("Only a system administrator verifies or reviews an organization");
        }
        if (!changed.equals(organizationSettings)) {
            apply(new OrganizationSettingsUpdated(teamId, organizationSettingsId, changed, clock.instant()));
        }
        return view();
    }

    @CommandHandler
    TeamView handle(DeleteTeam command, @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(IdentityCommandFacts.HAS_SUB_TEAMS) Boolean hasSubTeams, Clock clock) {
        if (access == null || !access.ownsTeam()) {
            throw new AccessDenied("Only an owner deletes team " + teamId);
        }
        if (Boolean.TRUE.equals(hasSubTeams)) {
            throw new DomainRuleViolation("Organization " + teamId + " still has teams; delete them first");
        }
        TeamView deleted = view();
        apply(new TeamDeleted(teamId, parentId, clock.instant()));
        return deleted;
    }

    /** The team as cal.com's API v2 shows it (TeamOutputDto), which every team command answers. */
    private TeamView view() {
        return new TeamView(teamId, parentId, name, slug, settings.logoUrl(), settings.calVideoLogo(),
                settings.appLogo(), settings.appIconLogo(), settings.bio(), Boolean.TRUE.equals(settings.hideBranding()),
                isOrganization, Boolean.TRUE.equals(settings.isPrivate()),
                Boolean.TRUE.equals(settings.hideBookATeamMember()), settings.metadata(), settings.theme(),
                settings.brandColor(), settings.darkBrandColor(), settings.bannerUrl(), settings.timeFormat(),
                settings.timeZone(), settings.weekStart(), createdAt, organizationSettings);
    }

    private void requireRunBy(TeamAccess access) {
        if (access == null || !access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner changes team " + teamId);
        }
    }

    private static OrganizationSettings orgEmail(String domain) {
        return new OrganizationSettings(domain, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    @EventSourcingHandler
    void on(TeamCreated event) {
        aggregateId = TeamIds.aggregateId(event.teamId());
        teamId = event.teamId();
        parentId = event.parentId();
        isOrganization = event.isOrganization();
        name = event.name();
        slug = event.slug();
        settings = event.settings();
        createdAt = event.createdAt();
    }

    @EventSourcingHandler
    void on(OrganizationSettingsUpdated event) {
        organizationSettingsId = event.organizationSettingsId();
        organizationSettings = event.settings();
    }

    @EventSourcingHandler
    void on(TeamRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(TeamSlugChanged event) {
        slug = event.slug();
    }

    @EventSourcingHandler
    void on(TeamSettingsUpdated event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(TeamDeleted event) {
        markDeleted();
    }
}
