package com.calcomalt.command.identity;

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
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05.006Z");

    private static final int TEAM = 10;
    private static final int ORG = 20;
    private static final int SUB_TEAM = 21;

    private static final int MEMBERSHIP = 300;
    private static final int PROFILE = 400;

    /** Ann runs the teams: owner, or admin, as each test says. */
    private static final Caller ANN = new Caller(1, false, null);
    /** Bob is the member the memberships are about. */
    private static final Caller BOB = new Caller(2, false, null);
    private static final UserFacts BOB_FACTS = new UserFacts(2, "Bob@Acme.COM", "bob", false);
    private static final int BOB_ID = 2;

    private AggregateTestFixture<Membership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Membership.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String profileUid(int profileId) {
        return UUID.nameUUIDFromBytes(("profile:" + profileId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---------------------------------------------------------------- commands

    private static InviteMember invite(int teamId, MembershipRole role) {
        return new InviteMember(MEMBERSHIP, teamId, BOB_ID, role, PROFILE, false, false);
    }

    // ---------------------------------------------------------------- facts

    /** The caller's accepted role in a plain team (null: none). */
    private static TeamAccess toTeam(Caller caller, MembershipRole role) {
        return new TeamAccess(caller, TEAM, false, null, role, role != null, null);
    }

    /** The caller's accepted role in the organization itself (null: none). */
    private static TeamAccess toOrganization(Caller caller, MembershipRole role) {
        return new TeamAccess(caller, ORG, true, ORG, role, role != null, role);
    }

    /** The caller's accepted roles in a sub-team and in its organization (null: none). */
    private static TeamAccess toSubTeam(Caller caller, MembershipRole role, MembershipRole roleInOrganization) {
        return new TeamAccess(caller, SUB_TEAM, false, ORG, role, role != null, roleInOrganization);
    }

    /** Facts about Bob as the invitee, in a team without an organization. */
    private static InvitationFacts bobInPlainTeam() {
        return new InvitationFacts(BOB_FACTS, false, null, false);
    }

    /** Facts about Bob in an organization (or one of its teams) auto-accepting the given email domain. */
    private static InvitationFacts bob(boolean acceptedInOrganization, String orgAutoAcceptEmail,
                                       boolean memberOfSubTeams) {
        return new InvitationFacts(BOB_FACTS, acceptedInOrganization, orgAutoAcceptEmail, memberOfSubTeams);
    }

    private static MetaData facts(TeamAccess access, InvitationFacts invitation) {
        return CallerMetaData.of(access.caller())
                .and(IdentityCommandFacts.ACCESS, access)
                .and(IdentityCommandFacts.INVITATION, invitation);
    }

    private static MetaData facts(TeamAccess access) {
        return CallerMetaData.of(access.caller()).and(IdentityCommandFacts.ACCESS, access);
    }

    // ---------------------------------------------------------------- history

    private static MembershipCreated invited(int teamId, MembershipRole role) {
        return new MembershipCreated(MEMBERSHIP, teamId, BOB_ID, role, false, EARLIER);
    }

    private static MembershipCreated joined(int teamId, MembershipRole role) {
        return new MembershipCreated(MEMBERSHIP, teamId, BOB_ID, role, true, EARLIER);
    }

    private static OrganizationProfileCreated profileInOrganization() {
        return new OrganizationProfileCreated(PROFILE, profileUid(PROFILE), BOB_ID, ORG, "bob", EARLIER);
    }

    // ================================================================ InviteMember

    @Test
    void an_owner_invites_a_member_who_has_yet_to_accept() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, MembershipRole.MEMBER), facts(toTeam(ANN, MembershipRole.OWNER), bobInPlainTeam()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MembershipCreated(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.MEMBER, false, NOW));
    }

    @Test
    void a_system_admin_makes_a_membership_accepted_from_the_start() {
        Caller systemAdmin = new Caller(9, true, null);
        fixture.givenNoPriorActivity()
                .when(new InviteMember(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.MEMBER, PROFILE, true, false),
                        facts(toTeam(systemAdmin, null), bobInPlainTeam()))
                .expectEvents(new MembershipCreated(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.MEMBER, true, NOW));
    }

    @Test
    void a_system_admin_makes_an_organization_membership_accepted_with_its_profile() {
        Caller systemAdmin = new Caller(9, true, null);
        fixture.givenNoPriorActivity()
                .when(new InviteMember(MEMBERSHIP, ORG, BOB_ID, MembershipRole.MEMBER, PROFILE, true, false),
                        facts(toOrganization(systemAdmin, null), bob(false, null, false)))
                .expectEvents(new MembershipCreated(MEMBERSHIP, ORG, BOB_ID, MembershipRole.MEMBER, true, NOW),
                        new OrganizationProfileCreated(PROFILE, profileUid(PROFILE), BOB_ID, ORG, "bob", NOW));
    }

    @Test
    void a_team_owner_cannot_make_someone_else_s_membership_accepted_from_the_start() {
        fixture.givenNoPriorActivity()
                .when(new InviteMember(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.MEMBER, PROFILE, true, false),
                        facts(toTeam(ANN, MembershipRole.OWNER), bobInPlainTeam()))
                .expectException(AccessDenied.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Only user 2 accepts"))
                .expectNoEvents();
    }

    @Test
    void an_invitation_may_disable_impersonation_from_the_start() {
        fixture.givenNoPriorActivity()
                .when(new InviteMember(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.MEMBER, PROFILE, false, true),
                        facts(toTeam(ANN, MembershipRole.OWNER), bobInPlainTeam()))
                .expectEvents(new MembershipCreated(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.MEMBER, false, NOW),
                        new MembershipImpersonationChanged(MEMBERSHIP, TEAM, BOB_ID, true, NOW));
    }

    @Test
    void an_admin_invites_an_admin() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, MembershipRole.ADMIN), facts(toTeam(ANN, MembershipRole.ADMIN), bobInPlainTeam()))
                .expectEvents(new MembershipCreated(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.ADMIN, false, NOW));
    }

    @Test
    void an_invitee_of_the_organization_email_domain_joins_the_organization_at_once_with_a_profile() {
        fixture.givenNoPriorActivity()
                .when(invite(ORG, MembershipRole.MEMBER),
                        facts(toOrganization(ANN, MembershipRole.ADMIN), bob(false, "acme.com", false)))
                .expectEvents(new MembershipCreated(MEMBERSHIP, ORG, BOB_ID, MembershipRole.MEMBER, true, NOW),
                        new OrganizationProfileCreated(PROFILE, profileUid(PROFILE), BOB_ID, ORG, "bob", NOW));
    }

    @Test
    void an_invitee_of_another_email_domain_has_to_accept_the_organization_invitation() {
        fixture.givenNoPriorActivity()
                .when(invite(ORG, MembershipRole.MEMBER),
                        facts(toOrganization(ANN, MembershipRole.ADMIN), bob(false, "example.org", false)))
                .expectEvents(new MembershipCreated(MEMBERSHIP, ORG, BOB_ID, MembershipRole.MEMBER, false, NOW));
    }

    @Test
    void an_invitee_of_the_organization_email_domain_joins_a_sub_team_at_once_without_a_new_profile() {
        fixture.givenNoPriorActivity()
                .when(invite(SUB_TEAM, MembershipRole.MEMBER),
                        facts(toSubTeam(ANN, null, MembershipRole.ADMIN), bob(true, "acme.com", false)))
                .expectEvents(new MembershipCreated(MEMBERSHIP, SUB_TEAM, BOB_ID, MembershipRole.MEMBER, true, NOW));
    }

    @Test
    void someone_who_is_not_an_accepted_member_of_the_organization_cannot_be_invited_into_its_team() {
        fixture.givenNoPriorActivity()
                .when(invite(SUB_TEAM, MembershipRole.MEMBER),
                        facts(toSubTeam(ANN, MembershipRole.OWNER, MembershipRole.OWNER),
                                bob(false, "acme.com", false)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("User 2 must first be an accepted member of organization 20")
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_invite() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, MembershipRole.MEMBER), facts(toTeam(ANN, MembershipRole.MEMBER), bobInPlainTeam()))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only an admin or owner invites into team 10")
                .expectNoEvents();
    }

    @Test
    void an_admin_cannot_make_someone_an_owner() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, MembershipRole.OWNER), facts(toTeam(ANN, MembershipRole.ADMIN), bobInPlainTeam()))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only an owner makes someone an owner")
                .expectNoEvents();
    }

    @Test
    void an_owner_may_invite_another_owner() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, MembershipRole.OWNER), facts(toTeam(ANN, MembershipRole.OWNER), bobInPlainTeam()))
                .expectEvents(new MembershipCreated(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.OWNER, false, NOW));
    }

    @Test
    void a_user_who_does_not_exist_cannot_be_invited() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, MembershipRole.MEMBER),
                        facts(toTeam(ANN, MembershipRole.OWNER), new InvitationFacts(null, false, null, false)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("There is no user 2 to invite")
                .expectNoEvents();
    }

    @Test
    void an_invitation_without_invitation_facts_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, MembershipRole.MEMBER), facts(toTeam(ANN, MembershipRole.OWNER)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_invitation_into_a_team_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, MembershipRole.MEMBER), CallerMetaData.of(ANN))
                .expectException(NotFound.class)
                .expectExceptionMessage("No team 10")
                .expectNoEvents();
    }

    @Test
    void an_invitation_without_a_role_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(invite(TEAM, null), facts(toTeam(ANN, MembershipRole.OWNER), bobInPlainTeam()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An invitation names a role: MEMBER, ADMIN or OWNER")
                .expectNoEvents();
    }

    // ================================================================ AcceptMembership

    @Test
    void accepting_an_organization_invitation_creates_the_members_profile_there() {
        fixture.given(invited(ORG, MembershipRole.MEMBER))
                .when(new AcceptMembership(MEMBERSHIP, 401),
                        facts(toOrganization(BOB, null), bob(false, "example.org", false)))
                .expectEvents(new MembershipAccepted(MEMBERSHIP, ORG, BOB_ID, NOW),
                        new OrganizationProfileCreated(401,
                                UUID.nameUUIDFromBytes("profile:401".getBytes(StandardCharsets.UTF_8)).toString(),
                                BOB_ID, ORG, "bob", NOW));
    }

    @Test
    void accepting_a_plain_team_invitation_creates_no_profile() {
        fixture.given(invited(TEAM, MembershipRole.MEMBER))
                .when(new AcceptMembership(MEMBERSHIP, 401), facts(toTeam(BOB, null), bobInPlainTeam()))
                .expectEvents(new MembershipAccepted(MEMBERSHIP, TEAM, BOB_ID, NOW));
    }

    @Test
    void an_organization_member_accepts_an_invitation_into_its_team() {
        fixture.given(invited(SUB_TEAM, MembershipRole.MEMBER))
                .when(new AcceptMembership(MEMBERSHIP, 401),
                        facts(toSubTeam(BOB, null, MembershipRole.MEMBER), bob(true, "acme.com", false)))
                .expectEvents(new MembershipAccepted(MEMBERSHIP, SUB_TEAM, BOB_ID, NOW));
    }

    @Test
    void someone_else_cannot_accept_the_invitation() {
        fixture.given(invited(TEAM, MembershipRole.MEMBER))
                .when(new AcceptMembership(MEMBERSHIP, 401), facts(toTeam(ANN, MembershipRole.OWNER), bobInPlainTeam()))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only the member accepts membership 300")
                .expectNoEvents();
    }

    @Test
    void a_team_api_key_of_the_member_cannot_accept_the_invitation() {
        Caller bobsTeamKey = new Caller(BOB_ID, false, TEAM);
        fixture.given(invited(TEAM, MembershipRole.MEMBER))
                .when(new AcceptMembership(MEMBERSHIP, 401), facts(toTeam(bobsTeamKey, null), bobInPlainTeam()))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_membership_cannot_be_accepted_twice() {
        fixture.given(invited(TEAM, MembershipRole.MEMBER), new MembershipAccepted(MEMBERSHIP, TEAM, BOB_ID, EARLIER))
                .when(new AcceptMembership(MEMBERSHIP, 401), facts(toTeam(BOB, MembershipRole.MEMBER), bobInPlainTeam()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Membership 300 is accepted already")
                .expectNoEvents();
    }

    @Test
    void an_auto_accepted_membership_cannot_be_accepted_again() {
        fixture.given(joined(ORG, MembershipRole.MEMBER), profileInOrganization())
                .when(new AcceptMembership(MEMBERSHIP, 401),
                        facts(toOrganization(BOB, MembershipRole.MEMBER), bob(true, "acme.com", false)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_sub_team_invitation_cannot_be_accepted_by_someone_no_longer_in_the_organization() {
        fixture.given(invited(SUB_TEAM, MembershipRole.MEMBER))
                .when(new AcceptMembership(MEMBERSHIP, 401),
                        facts(toSubTeam(BOB, null, null), bob(false, "acme.com", false)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("User 2 must first be an accepted member of organization 20")
                .expectNoEvents();
    }

    @Test
    void an_invitation_into_a_team_that_no_longer_exists_cannot_be_accepted() {
        fixture.given(invited(TEAM, MembershipRole.MEMBER))
                .when(new AcceptMembership(MEMBERSHIP, 401), CallerMetaData.of(BOB))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    // ================================================================ DeclineMembership

    @Test
    void the_invitee_declines_a_pending_invitation() {
        fixture.given(invited(TEAM, MembershipRole.MEMBER))
                .when(new DeclineMembership(MEMBERSHIP), CallerMetaData.of(BOB))
                .expectEvents(new MembershipDeclined(MEMBERSHIP, TEAM, BOB_ID, NOW));
    }

    @Test
    void an_accepted_membership_cannot_be_declined() {
        fixture.given(invited(TEAM, MembershipRole.MEMBER), new MembershipAccepted(MEMBERSHIP, TEAM, BOB_ID, EARLIER))
                .when(new DeclineMembership(MEMBERSHIP), CallerMetaData.of(BOB))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Membership 300 is accepted; it is left, not declined")
                .expectNoEvents();
    }

    @Test
    void someone_else_cannot_decline_the_invitation() {
        fixture.given(invited(TEAM, MembershipRole.MEMBER))
                .when(new DeclineMembership(MEMBERSHIP), CallerMetaData.of(ANN))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ================================================================ ChangeMemberRole

    @Test
    void an_admin_makes_a_member_an_admin() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.ADMIN), facts(toTeam(ANN, MembershipRole.ADMIN)))
                .expectEvents(new MemberRoleChanged(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.ADMIN, NOW));
    }

    @Test
    void changing_to_the_same_role_publishes_nothing() {
        fixture.given(joined(TEAM, MembershipRole.ADMIN))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.ADMIN), facts(toTeam(ANN, MembershipRole.OWNER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_plain_member_cannot_change_roles() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.ADMIN), facts(toTeam(ANN, MembershipRole.MEMBER)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_admin_cannot_make_someone_an_owner_by_changing_their_role() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.OWNER), facts(toTeam(ANN, MembershipRole.ADMIN)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only an owner gives or takes away the OWNER role")
                .expectNoEvents();
    }

    @Test
    void an_admin_cannot_take_the_owner_role_away() {
        fixture.given(joined(TEAM, MembershipRole.OWNER))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.ADMIN), facts(toTeam(ANN, MembershipRole.ADMIN)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_owner_makes_someone_an_owner() {
        fixture.given(joined(TEAM, MembershipRole.ADMIN))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.OWNER), facts(toTeam(ANN, MembershipRole.OWNER)))
                .expectEvents(new MemberRoleChanged(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.OWNER, NOW));
    }

    @Test
    void an_owner_takes_the_owner_role_away() {
        fixture.given(joined(TEAM, MembershipRole.OWNER))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.MEMBER), facts(toTeam(ANN, MembershipRole.OWNER)))
                .expectEvents(new MemberRoleChanged(MEMBERSHIP, TEAM, BOB_ID, MembershipRole.MEMBER, NOW));
    }

    @Test
    void an_owner_of_the_organization_makes_someone_an_owner_of_its_team() {
        fixture.given(joined(SUB_TEAM, MembershipRole.MEMBER))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.OWNER),
                        facts(toSubTeam(ANN, null, MembershipRole.OWNER)))
                .expectEvents(new MemberRoleChanged(MEMBERSHIP, SUB_TEAM, BOB_ID, MembershipRole.OWNER, NOW));
    }

    @Test
    void changing_to_no_role_is_rejected() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new ChangeMemberRole(MEMBERSHIP, null), facts(toTeam(ANN, MembershipRole.OWNER)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A role is MEMBER, ADMIN or OWNER")
                .expectNoEvents();
    }

    @Test
    void changing_a_role_in_a_team_that_no_longer_exists_is_not_found() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new ChangeMemberRole(MEMBERSHIP, MembershipRole.ADMIN), CallerMetaData.of(ANN))
                .expectException(NotFound.class)
                .expectExceptionMessage("Team 10 of membership 300 does not exist any more")
                .expectNoEvents();
    }

    // ================================================================ RemoveMember

    @Test
    void an_admin_removes_a_member() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new RemoveMember(MEMBERSHIP), facts(toTeam(ANN, MembershipRole.ADMIN), bobInPlainTeam()))
                .expectEvents(new MemberRemoved(MEMBERSHIP, TEAM, BOB_ID, NOW));
    }

    @Test
    void an_admin_withdraws_a_pending_invitation() {
        fixture.given(invited(TEAM, MembershipRole.MEMBER))
                .when(new RemoveMember(MEMBERSHIP), facts(toTeam(ANN, MembershipRole.ADMIN), bobInPlainTeam()))
                .expectEvents(new MemberRemoved(MEMBERSHIP, TEAM, BOB_ID, NOW));
    }

    @Test
    void removing_an_organization_member_removes_their_profile_there() {
        fixture.given(joined(ORG, MembershipRole.MEMBER), profileInOrganization())
                .when(new RemoveMember(MEMBERSHIP),
                        facts(toOrganization(ANN, MembershipRole.ADMIN), bob(true, "acme.com", false)))
                .expectEvents(new MemberRemoved(MEMBERSHIP, ORG, BOB_ID, NOW),
                        new OrganizationProfileRemoved(PROFILE, BOB_ID, ORG, NOW));
    }

    @Test
    void an_admin_cannot_remove_an_owner() {
        fixture.given(joined(TEAM, MembershipRole.OWNER))
                .when(new RemoveMember(MEMBERSHIP), facts(toTeam(ANN, MembershipRole.ADMIN), bobInPlainTeam()))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only an owner removes an owner")
                .expectNoEvents();
    }

    @Test
    void an_owner_removes_another_owner() {
        fixture.given(joined(TEAM, MembershipRole.OWNER))
                .when(new RemoveMember(MEMBERSHIP), facts(toTeam(ANN, MembershipRole.OWNER), bobInPlainTeam()))
                .expectEvents(new MemberRemoved(MEMBERSHIP, TEAM, BOB_ID, NOW));
    }

    @Test
    void a_plain_member_cannot_remove_members() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new RemoveMember(MEMBERSHIP), facts(toTeam(ANN, MembershipRole.MEMBER), bobInPlainTeam()))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_organization_member_still_in_its_teams_cannot_be_removed() {
        fixture.given(joined(ORG, MembershipRole.MEMBER), profileInOrganization())
                .when(new RemoveMember(MEMBERSHIP),
                        facts(toOrganization(ANN, MembershipRole.OWNER), bob(true, "acme.com", true)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("User 2 is still in teams of organization 20; they leave those first")
                .expectNoEvents();
    }

    @Test
    void removing_a_member_of_a_team_that_no_longer_exists_is_not_found() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new RemoveMember(MEMBERSHIP), CallerMetaData.of(ANN))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    // ================================================================ LeaveTeam

    @Test
    void a_member_leaves_the_team() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new LeaveTeam(MEMBERSHIP),
                        CallerMetaData.of(BOB).and(IdentityCommandFacts.INVITATION, bobInPlainTeam()))
                .expectEvents(new MemberLeft(MEMBERSHIP, TEAM, BOB_ID, NOW));
    }

    @Test
    void leaving_an_organization_removes_the_profile_there() {
        fixture.given(joined(ORG, MembershipRole.MEMBER), profileInOrganization())
                .when(new LeaveTeam(MEMBERSHIP),
                        CallerMetaData.of(BOB).and(IdentityCommandFacts.INVITATION, bob(true, "acme.com", false)))
                .expectEvents(new MemberLeft(MEMBERSHIP, ORG, BOB_ID, NOW),
                        new OrganizationProfileRemoved(PROFILE, BOB_ID, ORG, NOW));
    }

    @Test
    void someone_else_cannot_make_a_member_leave() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new LeaveTeam(MEMBERSHIP),
                        CallerMetaData.of(ANN).and(IdentityCommandFacts.INVITATION, bobInPlainTeam()))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only the member leaves membership 300")
                .expectNoEvents();
    }

    @Test
    void a_member_cannot_leave_an_organization_while_still_in_its_teams() {
        fixture.given(joined(ORG, MembershipRole.MEMBER), profileInOrganization())
                .when(new LeaveTeam(MEMBERSHIP),
                        CallerMetaData.of(BOB).and(IdentityCommandFacts.INVITATION, bob(true, "acme.com", true)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ================================================================ ChangeMembershipImpersonation

    @Test
    void a_member_disables_impersonation_in_the_team() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new ChangeMembershipImpersonation(MEMBERSHIP, true), CallerMetaData.of(BOB))
                .expectEvents(new MembershipImpersonationChanged(MEMBERSHIP, TEAM, BOB_ID, true, NOW));
    }

    @Test
    void a_member_enables_impersonation_again() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER),
                        new MembershipImpersonationChanged(MEMBERSHIP, TEAM, BOB_ID, true, EARLIER))
                .when(new ChangeMembershipImpersonation(MEMBERSHIP, false), CallerMetaData.of(BOB))
                .expectEvents(new MembershipImpersonationChanged(MEMBERSHIP, TEAM, BOB_ID, false, NOW));
    }

    @Test
    void setting_impersonation_to_what_it_is_publishes_nothing() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new ChangeMembershipImpersonation(MEMBERSHIP, false), CallerMetaData.of(BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void someone_else_cannot_decide_whether_a_member_may_be_impersonated() {
        fixture.given(joined(TEAM, MembershipRole.MEMBER))
                .when(new ChangeMembershipImpersonation(MEMBERSHIP, true), CallerMetaData.of(ANN))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }
}
