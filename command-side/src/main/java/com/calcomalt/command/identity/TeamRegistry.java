package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.MemberLeft;
import com.calcomalt.contracts.identity.MemberRemoved;
import com.calcomalt.contracts.identity.MemberRoleChanged;
import com.calcomalt.contracts.identity.MembershipAccepted;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipDeclined;
import com.calcomalt.contracts.identity.MembershipImpersonationChanged;
import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.OrganizationProfileRemoved;
import com.calcomalt.contracts.identity.OrganizationSettingsUpdated;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.TeamSlugChanged;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.security.ApiKeyOwnerCache;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rules that span teams and memberships, claimed in the transaction that appends the event:
 * unique slugs, one membership per user and team, usernames unique inside an organization, and at
 * least one accepted owner per team. A change to a team's members first locks the team's row, so
 * of two concurrent commands that would each leave the other owner alone, the second sees the
 * first and is rolled back.
 */
@Component
@ProcessingGroup(UserRegistry.PROCESSING_GROUP)
class TeamRegistry {

    private final JdbcTemplate jdbc;
    /** Authentication holds each team key's owner for a few seconds. */
    private final ObjectProvider<ApiKeyOwnerCache> keyOwners;

    TeamRegistry(JdbcTemplate jdbc, ObjectProvider<ApiKeyOwnerCache> keyOwners) {
        this.jdbc = jdbc;
        this.keyOwners = keyOwners;
    }

    @EventHandler
    void on(TeamCreated event) {
        claimSlug(event.slug(), () -> jdbc.update("""
                insert into command_side.team_registry (team_id, parent_id, slug, is_organization)
                values (?, ?, ?, ?) on conflict (team_id) do nothing""",
                event.teamId(), event.parentId(), event.slug(), event.isOrganization()));
    }

    @EventHandler
    void on(TeamSlugChanged event) {
        claimSlug(event.slug(), () -> jdbc.update("update command_side.team_registry set slug = ? where team_id = ?",
                event.slug(), event.teamId()));
    }

    @EventHandler
    void on(OrganizationSettingsUpdated event) {
        jdbc.update("update command_side.team_registry set org_auto_accept_email = ? where team_id = ?",
                event.settings().orgAutoAcceptEmail(), event.teamId());
    }

    @EventHandler
    void on(TeamDeleted event) {
        jdbc.update("delete from command_side.team_members where team_id = ?", event.teamId());
        jdbc.update("delete from command_side.api_keys where team_id = ?", event.teamId());
        keyOwners.ifAvailable(ApiKeyOwnerCache::changed);
        jdbc.update("delete from command_side.org_usernames where org_id = ?", event.teamId());
        jdbc.update("delete from command_side.team_registry where team_id = ?", event.teamId());
    }

    @EventHandler
    void on(MembershipCreated event) {
        lockTeam(event.teamId());
        try {
            jdbc.update("""
                    insert into command_side.team_members (membership_id, team_id, user_id, role, accepted)
                    values (?, ?, ?, ?, ?)""",
                    event.membershipId(), event.teamId(), event.userId(), event.role().name(), event.accepted());
        } catch (DuplicateKeyException e) {
            if ("team_members_team_user_key".equals(constraintOf(e))) {
                throw new DomainConflict("User " + event.userId() + " is a member of team " + event.teamId()
                        + " already");
            }
            throw e;
        }
    }

    @EventHandler
    void on(MembershipAccepted event) {
        jdbc.update("update command_side.team_members set accepted = true where membership_id = ?",
                event.membershipId());
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        lockTeam(event.teamId());
        jdbc.update("update command_side.team_members set role = ? where membership_id = ?", event.role().name(),
                event.membershipId());
        requireAnOwner(event.teamId());
    }

    @EventHandler
    void on(MembershipDeclined event) {
        leave(event.teamId(), event.membershipId());
    }

    @EventHandler
    void on(MemberRemoved event) {
        leave(event.teamId(), event.membershipId());
    }

    @EventHandler
    void on(MemberLeft event) {
        leave(event.teamId(), event.membershipId());
    }

    @EventHandler
    void on(MembershipImpersonationChanged event) {
        jdbc.update("update command_side.team_members set disable_impersonation = ? where membership_id = ?",
                event.disableImpersonation(), event.membershipId());
    }

    @EventHandler
    void on(OrganizationProfileCreated event) {
        try {
            jdbc.update("""
                    insert into command_side.org_usernames (org_id, username_lower, user_id) values (?, ?, ?)
                    on conflict (org_id, user_id) do nothing""",
                    event.organizationId(), event.username().toLowerCase(Locale.ROOT), event.userId());
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("The username '" + event.username() + "' is taken in organization "
                    + event.organizationId() + " already");
        }
    }

    @EventHandler
    void on(OrganizationProfileRemoved event) {
        jdbc.update("delete from command_side.org_usernames where org_id = ? and user_id = ?",
                event.organizationId(), event.userId());
    }

    private void leave(int teamId, int membershipId) {
        lockTeam(teamId);
        jdbc.update("delete from command_side.team_members where membership_id = ?", membershipId);
        requireAnOwner(teamId);
    }

    private void lockTeam(int teamId) {
        jdbc.query("select team_id from command_side.team_registry where team_id = ? for update",
                (rs, i) -> rs.getInt(1), teamId);
    }

    private void requireAnOwner(int teamId) {
        Integer owners = jdbc.queryForObject("""
                select count(*) from command_side.team_members where team_id = ? and role = 'OWNER' and accepted""",
                Integer.class, teamId);
        if (owners == null || owners == 0) {
            throw new DomainRuleViolation("Team " + teamId + " would be left without an accepted owner;"
                    + " make someone else owner first");
        }
    }

    private void claimSlug(String slug, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("The slug '" + slug + "' is taken already");
        }
    }

    private static String constraintOf(DuplicateKeyException e) {
        return e.getMostSpecificCause() instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint() : "";
    }
}
