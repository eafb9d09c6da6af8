package com.calcomalt.command.identity;

import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.identity.AcceptMembership;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.ChangeMemberRole;
import com.calcomalt.contracts.identity.ChangeMembershipImpersonation;
import com.calcomalt.contracts.identity.CreateApiKey;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.DeclineMembership;
import com.calcomalt.contracts.identity.DeleteTeam;
import com.calcomalt.contracts.identity.ExpireApiKey;
import com.calcomalt.contracts.identity.ImpersonateUser;
import com.calcomalt.contracts.identity.InviteMember;
import com.calcomalt.contracts.identity.LeaveTeam;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.RemoveMember;
import com.calcomalt.contracts.identity.RevokeApiKey;
import com.calcomalt.contracts.identity.UpdateOrganizationSettings;
import com.calcomalt.contracts.identity.UpdateTeam;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Adds to an identity command, inside its transaction, what its aggregate needs to know about
 * other aggregates: the caller's role in the team, the invitee, the team's organization. The
 * aggregates then decide from their own state plus these facts, and stay free of lookups.
 */
@Component
public class IdentityCommandFacts extends CommandFacts {

    public static final String ACCESS = "access";
    public static final String PARENT_ACCESS = "parentAccess";
    /** The user who will own a new team: the caller, or the user its {@code orgOwnerEmail} names. */
    public static final String FOUNDER = "founder";
    public static final String INVITATION = "invitation";
    public static final String IMPERSONATION = "impersonation";
    public static final String HAS_SUB_TEAMS = "hasSubTeams";

    private final IdentityLookups lookups;

    public IdentityCommandFacts(IdentityLookups lookups) {
        this.lookups = lookups;
    }

    @Override
    protected Map<String, Object> factsFor(Object command, Caller caller) {
        if (caller == null) {
            return Map.of();
        }
        Map<String, Object> facts = new HashMap<>();
        if (command instanceof CreateTeam c) {
            (c.orgOwnerEmail() == null ? lookups.user(caller.userId()) : lookups.userByEmail(c.orgOwnerEmail()))
                    .ifPresent(founder -> facts.put(FOUNDER, founder));
            if (c.parentId() != null) {
                putAccess(facts, PARENT_ACCESS, caller, c.parentId());
            }
        } else if (command instanceof UpdateTeam c) {
            putAccess(facts, ACCESS, caller, c.teamId());
        } else if (command instanceof UpdateOrganizationSettings c) {
            putAccess(facts, ACCESS, caller, c.teamId());
        } else if (command instanceof DeleteTeam c) {
            putAccess(facts, ACCESS, caller, c.teamId());
            facts.put(HAS_SUB_TEAMS, lookups.hasSubTeams(c.teamId()));
        } else if (command instanceof InviteMember c) {
            putAccess(facts, ACCESS, caller, c.teamId());
            putInvitation(facts, c.teamId(), c.userId());
        } else if (command instanceof CreateApiKey c && c.teamId() != null) {
            putAccess(facts, ACCESS, caller, c.teamId());
        } else if (command instanceof RevokeApiKey c) {
            putApiKeyAccess(facts, caller, c.keyId());
        } else if (command instanceof ExpireApiKey c) {
            putApiKeyAccess(facts, caller, c.keyId());
        } else if (command instanceof ImpersonateUser c) {
            List<IdentityLookups.MemberRecord> run = lookups.membershipsRunBy(caller.userId(), c.userId());
            facts.put(IMPERSONATION, new ImpersonationFacts(!run.isEmpty(),
                    run.stream().anyMatch(m -> !m.disableImpersonation())));
        } else {
            Integer membershipId = membershipIdOf(command);
            if (membershipId != null) {
                lookups.membership(membershipId).ifPresent(m -> {
                    putAccess(facts, ACCESS, caller, m.teamId());
                    putInvitation(facts, m.teamId(), m.userId());
                });
            }
        }
        return facts;
    }

    private static Integer membershipIdOf(Object command) {
        if (command instanceof AcceptMembership c) {
            return c.membershipId();
        } else if (command instanceof DeclineMembership c) {
            return c.membershipId();
        } else if (command instanceof ChangeMemberRole c) {
            return c.membershipId();
        } else if (command instanceof RemoveMember c) {
            return c.membershipId();
        } else if (command instanceof LeaveTeam c) {
            return c.membershipId();
        } else if (command instanceof ChangeMembershipImpersonation c) {
            return c.membershipId();
        }
        return null;
    }

    private void putApiKeyAccess(Map<String, Object> facts, Caller caller, String keyId) {
        lookups.apiKey(keyId).filter(k -> k.teamId() != null)
                .ifPresent(k -> putAccess(facts, ACCESS, caller, k.teamId()));
    }

    private void putAccess(Map<String, Object> facts, String key, Caller caller, int teamId) {
        access(caller, teamId).ifPresent(access -> facts.put(key, access));
    }

    /** What the caller is to a team, if the team exists: for every context whose commands teams own. */
    public Optional<TeamAccess> access(Caller caller, int teamId) {
        return lookups.team(teamId).map(team -> {
            var own = lookups.membership(teamId, caller.userId());
            MembershipRole roleInTeam = own.filter(IdentityLookups.MemberRecord::accepted)
                    .map(IdentityLookups.MemberRecord::role).orElse(null);
            Integer organizationId = team.organizationId();
            MembershipRole roleInOrganization = organizationId == null ? null
                    : organizationId == teamId ? roleInTeam
                    : lookups.membership(organizationId, caller.userId())
                            .filter(IdentityLookups.MemberRecord::accepted)
                            .map(IdentityLookups.MemberRecord::role).orElse(null);
            return new TeamAccess(caller, teamId, team.isOrganization(), organizationId, roleInTeam,
                    own.isPresent(), roleInOrganization);
        });
    }

    private void putInvitation(Map<String, Object> facts, int teamId, int userId) {
        lookups.team(teamId).ifPresent(team -> {
            Integer organizationId = team.organizationId();
            boolean acceptedInOrganization = organizationId != null && lookups.membership(organizationId, userId)
                    .filter(IdentityLookups.MemberRecord::accepted).isPresent();
            String autoAcceptDomain = organizationId == null ? null
                    : lookups.team(organizationId).map(IdentityLookups.TeamRecord::orgAutoAcceptEmail).orElse(null);
            boolean memberOfSubTeams = team.isOrganization() && !lookups.subTeamMemberships(teamId, userId).isEmpty();
            facts.put(INVITATION, new InvitationFacts(lookups.user(userId).orElse(null), acceptedInOrganization,
                    autoAcceptDomain, memberOfSubTeams));
        });
    }
}
