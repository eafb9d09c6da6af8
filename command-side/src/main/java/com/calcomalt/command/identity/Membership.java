package com.calcomalt.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.contracts.identity.AcceptMembership;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.ChangeMemberRole;
import com.calcomalt.contracts.identity.ChangeMembershipImpersonation;
import com.calcomalt.contracts.identity.DeclineMembership;
import com.calcomalt.contracts.identity.InviteMember;
import com.calcomalt.contracts.identity.LeaveTeam;
import com.calcomalt.contracts.identity.MemberLeft;
import com.calcomalt.contracts.identity.MemberRemoved;
import com.calcomalt.contracts.identity.MemberRoleChanged;
import com.calcomalt.contracts.identity.MembershipAccepted;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipDeclined;
import com.calcomalt.contracts.identity.MembershipIds;
import com.calcomalt.contracts.identity.MembershipImpersonationChanged;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.OrganizationProfileRemoved;
import com.calcomalt.contracts.identity.RemoveMember;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's membership of a team, from invitation to leaving. One membership per user and team, and
 * at least one accepted owner per team: both span memberships and are kept by {@link TeamRegistry}.
 * Joining an organization gives the user a profile there.
 */
@Aggregate
public class Membership {

    @AggregateIdentifier
    private String aggregateId;
    private int membershipId;
    private int teamId;
    private int userId;
    private MembershipRole role;
    private boolean accepted;
    private boolean disableImpersonation;
    private Integer organizationId;
    private Integer profileId;

    protected Membership() {
        // for Axon
    }

    /** The creator of a team owns it from the start; an organization's founder gets a profile there. */
    static Membership founder(int membershipId, int teamId, Integer organizationId, UserFacts founder, int profileId,
                              Instant at) {
        return new Membership(membershipId, teamId, organizationId, founder, profileId, at);
    }

    private Membership(int membershipId, int teamId, Integer organizationId, UserFacts founder, int profileId,
                       Instant at) {
        apply(new MembershipCreated(membershipId, teamId, founder.userId(), MembershipRole.OWNER, true, at));
        if (organizationId != null) {
            apply(profileCreated(profileId, founder, organizationId, at));
        }
    }

    @CommandHandler
    Membership(InviteMember command,
               @MetaDataValue(CallerMetaData.CALLER) Caller caller,
               @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
               @MetaDataValue(IdentityCommandFacts.INVITATION) InvitationFacts invitation,
               Clock clock) {
        if (access == null) {
            throw new NotFound("No team " + command.teamId());
        }
        if (!access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner invites into team " + command.teamId());
        }
        if (command.role() == MembershipRole.OWNER && !access.ownsTeam()) {
            throw new AccessDenied("Only an owner makes someone an owner");
        }
        if (command.role() == null) {
            throw new DomainRuleViolation("An invitation names a role: MEMBER, ADMIN or OWNER");
        }
        if (invitation == null || invitation.invitee() == null) {
            throw new DomainRuleViolation("There is no user " + command.userId() + " to invite");
        }
        requireOrganizationMembership(access, invitation, command.userId());
        // The member consents to joining: only they (or a system admin) make a membership accepted from the start.
        if (command.accepted() && (caller == null || !caller.mayActAs(command.userId()))) {
            throw new AccessDenied("Only user " + command.userId() + " accepts their membership of team "
                    + command.teamId() + "; leave accepted out and they accept the invitation");
        }
        Instant now = clock.instant();
        boolean autoAccepted = invitation.orgAutoAcceptEmail() != null
                && domainOf(invitation.invitee().email()).equals(invitation.orgAutoAcceptEmail());
        boolean accepted = autoAccepted || command.accepted();
        apply(new MembershipCreated(command.membershipId(), command.teamId(), command.userId(), command.role(),
                accepted, now));
        if (command.disableImpersonation()) {
            apply(new MembershipImpersonationChanged(command.membershipId(), command.teamId(), command.userId(), true,
                    now));
        }
        if (accepted && access.isOrganization()) {
            apply(profileCreated(command.profileId(), invitation.invitee(), command.teamId(), now));
        }
    }

    @CommandHandler
    void handle(AcceptMembership command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(IdentityCommandFacts.INVITATION) InvitationFacts invitation, Clock clock) {
        requireTheMember(caller, "accepts");
        requireTeam(access);
        if (accepted) {
            throw new DomainRuleViolation("Membership " + membershipId + " is accepted already");
        }
        requireOrganizationMembership(access, invitation, userId);
        if (invitation == null || invitation.invitee() == null) {
            throw new DomainRuleViolation("There is no user " + userId + " to accept membership " + membershipId);
        }
        Instant now = clock.instant();
        apply(new MembershipAccepted(membershipId, teamId, userId, now));
        if (access.isOrganization() && profileId == null) {
            apply(profileCreated(command.profileId(), invitation.invitee(), teamId, now));
        }
    }

    @CommandHandler
    void handle(DeclineMembership command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireTheMember(caller, "declines");
        if (accepted) {
            throw new DomainRuleViolation("Membership " + membershipId + " is accepted; it is left, not declined");
        }
        apply(new MembershipDeclined(membershipId, teamId, userId, clock.instant()));
    }

    @CommandHandler
    void handle(ChangeMemberRole command, @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                Clock clock) {
        requireTeam(access);
        if (!access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner changes roles in team " + teamId);
        }
        if (command.role() == null) {
            throw new DomainRuleViolation("A role is MEMBER, ADMIN or OWNER");
        }
        if ((command.role() == MembershipRole.OWNER || role == MembershipRole.OWNER) && !access.ownsTeam()) {
            throw new AccessDenied("Only an owner gives or takes away the OWNER role");
        }
        if (command.role() != role) {
            apply(new MemberRoleChanged(membershipId, teamId, userId, command.role(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RemoveMember command, @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(IdentityCommandFacts.INVITATION) InvitationFacts invitation, Clock clock) {
        requireTeam(access);
        if (!access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner removes members of team " + teamId);
        }
        if (role == MembershipRole.OWNER && !access.ownsTeam()) {
            throw new AccessDenied("Only an owner removes an owner");
        }
        requireNoSubTeamMemberships(invitation);
        Instant now = clock.instant();
        apply(new MemberRemoved(membershipId, teamId, userId, now));
        removeProfile(now);
    }

    @CommandHandler
    void handle(LeaveTeam command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.INVITATION) InvitationFacts invitation, Clock clock) {
        requireTheMember(caller, "leaves");
        requireNoSubTeamMemberships(invitation);
        Instant now = clock.instant();
        apply(new MemberLeft(membershipId, teamId, userId, now));
        removeProfile(now);
    }

    @CommandHandler
    void handle(ChangeMembershipImpersonation command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                Clock clock) {
        requireTheMember(caller, "decides whether they may be impersonated in");
        if (command.disableImpersonation() != disableImpersonation) {
            apply(new MembershipImpersonationChanged(membershipId, teamId, userId, command.disableImpersonation(),
                    clock.instant()));
        }
    }

    private void requireTheMember(Caller caller, String what) {
        if (caller == null || !caller.mayActAs(userId)) {
            throw new AccessDenied("Only the member " + what + " membership " + membershipId);
        }
    }

    private void requireTeam(TeamAccess access) {
        if (access == null) {
            throw new NotFound("Team " + teamId + " of membership " + membershipId + " does not exist any more");
        }
    }

    private static void requireOrganizationMembership(TeamAccess access, InvitationFacts invitation, int userId) {
        boolean subTeam = !access.isOrganization() && access.organizationId() != null;
        if (subTeam && (invitation == null || !invitation.acceptedInOrganization())) {
            throw new DomainRuleViolation("User " + userId + " must first be an accepted member of organization "
                    + access.organizationId());
        }
    }

    private void requireNoSubTeamMemberships(InvitationFacts invitation) {
        if (invitation != null && invitation.memberOfSubTeams()) {
            throw new DomainRuleViolation("User " + userId + " is still in teams of organization " + teamId
                    + "; they leave those first");
        }
    }

    private void removeProfile(Instant at) {
        if (profileId != null) {
            apply(new OrganizationProfileRemoved(profileId, userId, organizationId, at));
        }
    }

    private static OrganizationProfileCreated profileCreated(int profileId, UserFacts user, int organizationId,
                                                             Instant at) {
        String uid = UUID.nameUUIDFromBytes(("profile:" + profileId).getBytes(StandardCharsets.UTF_8)).toString();
        return new OrganizationProfileCreated(profileId, uid, user.userId(), organizationId, user.username(), at);
    }

    private static String domainOf(String email) {
        return email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    @EventSourcingHandler
    void on(MembershipCreated event) {
        aggregateId = MembershipIds.aggregateId(event.membershipId());
        membershipId = event.membershipId();
        teamId = event.teamId();
        userId = event.userId();
        role = event.role();
        accepted = event.accepted();
    }

    @EventSourcingHandler
    void on(OrganizationProfileCreated event) {
        profileId = event.profileId();
        organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(MembershipAccepted event) {
        accepted = true;
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(MembershipImpersonationChanged event) {
        disableImpersonation = event.disableImpersonation();
    }

    @EventSourcingHandler
    void on(OrganizationProfileRemoved event) {
        profileId = null;
    }

    @EventSourcingHandler
    void on(MembershipDeclined event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        markDeleted();
    }
}
