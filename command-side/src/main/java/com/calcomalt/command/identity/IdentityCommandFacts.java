package com.calcomalt.command.identity;

import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.DeleteTeam;
import com.calcomalt.contracts.identity.ImpersonateUser;
import com.calcomalt.contracts.identity.InviteMember;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.OwnedByOrganization;
import com.calcomalt.contracts.identity.OwnedByTeam;
import com.calcomalt.contracts.identity.TargetsApiKey;
import com.calcomalt.contracts.identity.TargetsMembership;
import com.calcomalt.contracts.identity.TargetsTeam;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Adds to an identity command, inside its transaction, what its aggregate needs to know about
 * other aggregates: the caller's role in the team, the invitee, the team's organization. The
 * aggregates then decide from their own state plus these facts, and stay free of lookups.
 * <p>
 * The caller's role in the team a command of any context acts in ({@link TargetsTeam},
 * {@link OwnedByTeam}, {@link OwnedByOrganization}) is resolved here, once, under {@link #ACCESS}.
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
        resolve(TargetsTeam.class, (c, facts) -> putAccess(facts, c.teamId()));
        resolve(OwnedByTeam.class, (c, facts) -> putAccess(facts, c.teamId()));
        resolve(OwnedByOrganization.class, (c, facts) -> putAccess(facts, c.organizationId()));
        resolve(TargetsApiKey.class, (c, facts) -> {
            if (facts.caller() != null) {
                lookups.apiKey(c.keyId()).ifPresent(k -> putAccess(facts, k.teamId()));
            }
        });
        resolve(TargetsMembership.class, (c, facts) -> {
            if (facts.caller() != null) {
                lookups.membership(c.membershipId()).ifPresent(m -> {
                    putAccess(facts, m.teamId());
                    putInvitation(facts, m.teamId(), m.userId());
                });
            }
        });
        resolve(CreateTeam.class, this::putFounding);
        resolve(DeleteTeam.class, (c, facts) -> {
            if (facts.caller() != null) {
                facts.put(HAS_SUB_TEAMS, lookups.hasSubTeams(c.teamId()));
            }
        });
        resolve(InviteMember.class, (c, facts) -> {
            if (facts.caller() != null) {
                putInvitation(facts, c.teamId(), c.userId());
            }
        });
        resolve(ImpersonateUser.class, (c, facts) -> {
            if (facts.caller() != null) {
                List<IdentityLookups.MemberRecord> run = lookups.membershipsRunBy(facts.caller().userId(), c.userId());
                facts.put(IMPERSONATION, new ImpersonationFacts(!run.isEmpty(),
                        run.stream().anyMatch(m -> !m.disableImpersonation())));
            }
        });
    }

    private void putFounding(CreateTeam command, Facts facts) {
        Caller caller = facts.caller();
        if (caller == null) {
            return;
        }
        (command.orgOwnerEmail() == null ? lookups.user(caller.userId()) : lookups.userByEmail(command.orgOwnerEmail()))
                .ifPresent(founder -> facts.put(FOUNDER, founder));
        if (command.parentId() != null) {
            access(caller, command.parentId()).ifPresent(access -> facts.put(PARENT_ACCESS, access));
        }
    }

    /**
     * What the caller is to the team, under {@link #ACCESS}: for every context whose commands teams own.
     * Nothing for a command the system sends, or a null team (a user's own).
     */
    public void putAccess(Facts facts, Integer teamId) {
        if (facts.caller() != null && teamId != null) {
            access(facts.caller(), teamId).ifPresent(access -> facts.put(ACCESS, access));
        }
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

    private void putInvitation(Facts facts, int teamId, int userId) {
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
