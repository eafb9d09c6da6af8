package com.calcomalt.command.identity;

import static com.calcomalt.command.identity.IdentityCommandFacts.IMPERSONATION;
import static com.calcomalt.command.support.CallerCommands.as;

import com.calcomalt.contracts.identity.AccountLinked;
import com.calcomalt.contracts.identity.AccountUnlinked;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.ChangeUserRole;
import com.calcomalt.contracts.identity.CompletePasswordReset;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.EndSession;
import com.calcomalt.contracts.identity.ExpireOAuthTokens;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.ImpersonateUser;
import com.calcomalt.contracts.identity.IssueOAuthTokens;
import com.calcomalt.contracts.identity.LinkAccount;
import com.calcomalt.contracts.identity.LockUser;
import com.calcomalt.contracts.identity.OAuthTokensExpired;
import com.calcomalt.contracts.identity.OAuthTokensIssued;
import com.calcomalt.contracts.identity.OAuthTokensRevoked;
import com.calcomalt.contracts.identity.PasswordResetCompleted;
import com.calcomalt.contracts.identity.PasswordResetRequested;
import com.calcomalt.contracts.identity.RequestPasswordReset;
import com.calcomalt.contracts.identity.RevokeOAuthTokens;
import com.calcomalt.contracts.identity.SessionEnded;
import com.calcomalt.contracts.identity.SessionStarted;
import com.calcomalt.contracts.identity.SetUserImpersonation;
import com.calcomalt.contracts.identity.SetUserPassword;
import com.calcomalt.contracts.identity.StartSession;
import com.calcomalt.contracts.identity.UnlinkAccount;
import com.calcomalt.contracts.identity.UnlockUser;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserImpersonated;
import com.calcomalt.contracts.identity.UserImpersonationSettingChanged;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserPasswordChanged;
import com.calcomalt.contracts.identity.UserPermissionRole;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserRoleChanged;
import com.calcomalt.contracts.identity.UserUnlocked;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.security.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Who may change what about a user, and what proves who they are: role, password and its reset,
 * impersonation, sessions, linked accounts and OAuth tokens. Registration and the profile are in
 * {@link UserTest}.
 */
class UserAccessTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:30:00.123Z");
    private static final Instant EARLIER = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));
    private static final UUID UUID_7 = UUID.fromString("6f1c1a34-8a7e-4f7f-9d5e-2b1c4b0f7a11");

    private static final int ANN = 7;
    private static final int BOB = 8;
    private static final int TEAM_ADMIN = 9;
    private static final int SYSTEM_ADMIN = 1;
    private static final int TEAM = 5;

    private static final Caller ANN_CALLER = new Caller(ANN, false, null);
    private static final Caller BOB_CALLER = new Caller(BOB, false, null);
    private static final Caller TEAM_ADMIN_CALLER = new Caller(TEAM_ADMIN, false, null);
    private static final Caller SYSTEM_ADMIN_CALLER = new Caller(SYSTEM_ADMIN, true, null);

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final String OLD_PASSWORD = "correct horse battery staple";
    private static final String OLD_HASH = BCRYPT.encode(OLD_PASSWORD);
    private static final String NEW_HASH = BCRYPT.encode("Tr0ub4dor&3");

    private static final String SESSION_TOKEN_HASH = ApiKeys.sha256("session-token");
    private static final String ACCESS_TOKEN_HASH = ApiKeys.sha256("access-token");
    private static final String REFRESH_TOKEN_HASH = ApiKeys.sha256("refresh-token");
    private static final String OAUTH_CLIENT = "client-1";

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static UserRegistered registered() {
        return new UserRegistered(ANN, UUID_7, "ann@example.com", "ann", "Ann Lee", "Europe/Berlin", "Monday", "en",
                24, IdentityProvider.CAL, null, CreationSource.api_v2, Instant.parse("2026-01-02T03:04:05.006Z"));
    }

    private static UserPasswordChanged passwordSet() {
        return new UserPasswordChanged(ANN, OLD_HASH, EARLIER);
    }

    private static UserRoleChanged madeAdmin() {
        return new UserRoleChanged(ANN, UserPermissionRole.ADMIN, EARLIER);
    }

    private static PasswordResetRequested resetRequested(Instant expires) {
        return new PasswordResetRequested("r1", ANN, "ann@example.com", expires, EARLIER);
    }

    private static SessionStarted sessionStarted() {
        return new SessionStarted("s1", ANN, SESSION_TOKEN_HASH, IN_A_MONTH, EARLIER);
    }

    private static LinkAccount linkGoogle(String type, String provider, String providerAccountId) {
        return new LinkAccount(ANN, "a1", type, provider, providerAccountId, "ann@gmail.com", "email profile");
    }

    private static AccountLinked googleLinked() {
        return new AccountLinked("a1", ANN, "oauth", "google", "g-1234", "ann@gmail.com", "email profile", EARLIER);
    }

    private static IssueOAuthTokens issue(String client, String accessHash, String refreshHash, Instant accessExpires,
                                          Instant refreshExpires) {
        return new IssueOAuthTokens(ANN, 11, 12, client, accessHash, refreshHash, accessExpires, refreshExpires);
    }

    private static OAuthTokensIssued tokensIssued() {
        return new OAuthTokensIssued(11, 12, ANN, OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH,
                NOW.plus(Duration.ofHours(1)), IN_A_MONTH, EARLIER);
    }

    // ---- LockUser and UnlockUser: who may

    @Test
    void a_user_who_is_not_a_system_admin_cannot_lock_anyone() {
        fixture.given(registered())
                .when(new LockUser(ANN), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only a system administrator locks users")
                .expectNoEvents();
    }

    @Test
    void a_system_admin_locks_another_user() {
        fixture.given(registered())
                .when(new LockUser(ANN), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new UserLocked(ANN, NOW));
    }

    @Test
    void a_system_admin_cannot_lock_themselves_out() {
        fixture.given(registered(), madeAdmin())
                .when(new LockUser(ANN), as(new Caller(ANN, true, null)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An administrator cannot lock themselves out")
                .expectNoEvents();
    }

    @Test
    void a_user_who_is_not_a_system_admin_cannot_unlock_anyone() {
        fixture.given(registered(), new UserLocked(ANN, EARLIER))
                .when(new UnlockUser(ANN), as(ANN_CALLER))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only a system administrator unlocks users")
                .expectNoEvents();
    }

    @Test
    void a_system_admin_unlocks_a_locked_user() {
        fixture.given(registered(), new UserLocked(ANN, EARLIER))
                .when(new UnlockUser(ANN), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new UserUnlocked(ANN, NOW));
    }

    // ---- ChangeUserRole

    @Test
    void a_system_admin_makes_a_user_a_system_admin() {
        fixture.given(registered())
                .when(new ChangeUserRole(ANN, UserPermissionRole.ADMIN), as(SYSTEM_ADMIN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRoleChanged(ANN, UserPermissionRole.ADMIN, NOW));
    }

    @Test
    void a_system_admin_takes_the_admin_role_from_another_admin() {
        fixture.given(registered(), madeAdmin())
                .when(new ChangeUserRole(ANN, UserPermissionRole.USER), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new UserRoleChanged(ANN, UserPermissionRole.USER, NOW));
    }

    @Test
    void giving_a_user_the_role_they_have_changes_nothing() {
        fixture.given(registered())
                .when(new ChangeUserRole(ANN, UserPermissionRole.USER), as(SYSTEM_ADMIN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_make_themselves_a_system_admin() {
        fixture.given(registered())
                .when(new ChangeUserRole(ANN, UserPermissionRole.ADMIN), as(ANN_CALLER))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only a system administrator changes system roles")
                .expectNoEvents();
    }

    @Test
    void a_system_admin_cannot_take_away_their_own_admin_role() {
        fixture.given(registered(), madeAdmin())
                .when(new ChangeUserRole(ANN, UserPermissionRole.USER), as(new Caller(ANN, true, null)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An administrator cannot take away their own ADMIN role")
                .expectNoEvents();
    }

    @Test
    void a_system_admin_confirming_their_own_admin_role_changes_nothing() {
        fixture.given(registered(), madeAdmin())
                .when(new ChangeUserRole(ANN, UserPermissionRole.ADMIN), as(new Caller(ANN, true, null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_role_change_without_a_role_is_rejected() {
        fixture.given(registered())
                .when(new ChangeUserRole(ANN, null), as(SYSTEM_ADMIN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A system role is USER or ADMIN")
                .expectNoEvents();
    }

    // ---- SetUserPassword

    @Test
    void a_user_sets_their_first_password_without_a_current_one() {
        fixture.given(registered())
                .when(new SetUserPassword(ANN, NEW_HASH, null), as(ANN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserPasswordChanged(ANN, NEW_HASH, NOW));
    }

    @Test
    void a_user_changes_their_password_with_the_right_current_password() {
        fixture.given(registered(), passwordSet())
                .when(new SetUserPassword(ANN, NEW_HASH, OLD_PASSWORD), as(ANN_CALLER))
                .expectEvents(new UserPasswordChanged(ANN, NEW_HASH, NOW));
    }

    @Test
    void a_user_cannot_change_their_password_with_a_wrong_current_password() {
        fixture.given(registered(), passwordSet())
                .when(new SetUserPassword(ANN, NEW_HASH, "not my password"), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The current password is not right")
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_change_their_password_without_the_current_password() {
        fixture.given(registered(), passwordSet())
                .when(new SetUserPassword(ANN, NEW_HASH, null), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The current password is not right")
                .expectNoEvents();
    }

    @Test
    void a_system_admin_sets_a_users_password_without_knowing_the_current_one() {
        fixture.given(registered(), passwordSet())
                .when(new SetUserPassword(ANN, NEW_HASH, null), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new UserPasswordChanged(ANN, NEW_HASH, NOW));
    }

    @Test
    void a_password_in_the_clear_is_rejected() {
        fixture.given(registered())
                .when(new SetUserPassword(ANN, "Tr0ub4dor&3", null), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A password is kept as a bcrypt hash only")
                .expectNoEvents();
    }

    @Test
    void a_password_hashed_otherwise_than_with_bcrypt_is_rejected() {
        fixture.given(registered())
                .when(new SetUserPassword(ANN, ApiKeys.sha256("Tr0ub4dor&3"), null), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_set_someone_elses_password() {
        fixture.given(registered())
                .when(new SetUserPassword(ANN, NEW_HASH, null), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_password_cannot_be_set_without_a_known_caller() {
        fixture.given(registered())
                .when(new SetUserPassword(ANN, NEW_HASH, null))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ---- RequestPasswordReset

    @Test
    void a_user_requests_a_password_reset_that_lives_six_hours() {
        fixture.given(registered())
                .when(new RequestPasswordReset(ANN, "r1"), as(ANN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PasswordResetRequested("r1", ANN, "ann@example.com", NOW.plus(Duration.ofHours(6)),
                        NOW));
    }

    @Test
    void a_system_admin_requests_a_password_reset_for_a_user() {
        fixture.given(registered())
                .when(new RequestPasswordReset(ANN, "r1"), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new PasswordResetRequested("r1", ANN, "ann@example.com", NOW.plus(Duration.ofHours(6)),
                        NOW));
    }

    @Test
    void a_password_reset_is_sent_to_the_users_current_email() {
        fixture.given(registered(), new UserEmailChanged(ANN, "ann@example.com", "lee@example.com", EARLIER))
                .when(new RequestPasswordReset(ANN, "r1"), as(ANN_CALLER))
                .expectEvents(new PasswordResetRequested("r1", ANN, "lee@example.com", NOW.plus(Duration.ofHours(6)),
                        NOW));
    }

    @Test
    void a_user_cannot_request_a_password_reset_for_someone_else() {
        fixture.given(registered())
                .when(new RequestPasswordReset(ANN, "r1"), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ---- CompletePasswordReset

    @Test
    void completing_a_valid_reset_uses_it_up_and_sets_the_new_password() {
        fixture.given(registered(), passwordSet(), resetRequested(NOW.plus(Duration.ofHours(1))))
                .when(new CompletePasswordReset(ANN, "r1", NEW_HASH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PasswordResetCompleted("r1", ANN, NOW),
                        new UserPasswordChanged(ANN, NEW_HASH, NOW));
    }

    @Test
    void completing_an_unknown_reset_is_rejected() {
        fixture.given(registered(), resetRequested(NOW.plus(Duration.ofHours(1))))
                .when(new CompletePasswordReset(ANN, "r2", NEW_HASH))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("This password reset is unknown, used or expired; request a new one")
                .expectNoEvents();
    }

    @Test
    void completing_an_expired_reset_is_rejected() {
        fixture.given(registered(), resetRequested(NOW.minusSeconds(1)))
                .when(new CompletePasswordReset(ANN, "r1", NEW_HASH))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void completing_a_reset_at_the_moment_it_expires_is_rejected() {
        fixture.given(registered(), resetRequested(NOW))
                .when(new CompletePasswordReset(ANN, "r1", NEW_HASH))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_reset_cannot_be_used_twice() {
        fixture.given(registered(), resetRequested(NOW.plus(Duration.ofHours(1))),
                        new PasswordResetCompleted("r1", ANN, EARLIER), new UserPasswordChanged(ANN, OLD_HASH, EARLIER))
                .when(new CompletePasswordReset(ANN, "r1", NEW_HASH))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void completing_a_reset_with_a_password_that_is_not_bcrypt_is_rejected() {
        fixture.given(registered(), resetRequested(NOW.plus(Duration.ofHours(1))))
                .when(new CompletePasswordReset(ANN, "r1", "Tr0ub4dor&3"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A password is kept as a bcrypt hash only")
                .expectNoEvents();
    }

    // ---- SetUserImpersonation

    @Test
    void a_user_disables_impersonation_of_themselves() {
        fixture.given(registered())
                .when(new SetUserImpersonation(ANN, true), as(ANN_CALLER))
                .expectEvents(new UserImpersonationSettingChanged(ANN, true, NOW));
    }

    @Test
    void a_user_allows_impersonation_again() {
        fixture.given(registered(), new UserImpersonationSettingChanged(ANN, true, EARLIER))
                .when(new SetUserImpersonation(ANN, false), as(ANN_CALLER))
                .expectEvents(new UserImpersonationSettingChanged(ANN, false, NOW));
    }

    @Test
    void setting_impersonation_as_it_is_changes_nothing() {
        fixture.given(registered())
                .when(new SetUserImpersonation(ANN, false), as(ANN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_set_impersonation_for_someone_else() {
        fixture.given(registered())
                .when(new SetUserImpersonation(ANN, true), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ---- ImpersonateUser

    @Test
    void a_system_admin_impersonates_a_user() {
        fixture.given(registered())
                .when(new ImpersonateUser(ANN, 42), as(SYSTEM_ADMIN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserImpersonated(42, ANN, SYSTEM_ADMIN, NOW));
    }

    @Test
    void an_admin_of_one_of_the_users_teams_impersonates_them() {
        fixture.given(registered())
                .when(new ImpersonateUser(ANN, 42),
                        as(TEAM_ADMIN_CALLER, IMPERSONATION, new ImpersonationFacts(true, true)))
                .expectEvents(new UserImpersonated(42, ANN, TEAM_ADMIN, NOW));
    }

    @Test
    void a_team_admin_cannot_impersonate_a_member_whose_memberships_disable_it() {
        fixture.given(registered())
                .when(new ImpersonateUser(ANN, 42),
                        as(TEAM_ADMIN_CALLER, IMPERSONATION, new ImpersonationFacts(true, false)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("User 7 disabled impersonation on their memberships")
                .expectNoEvents();
    }

    @Test
    void nobody_impersonates_a_user_who_disabled_impersonation_not_even_a_system_admin() {
        fixture.given(registered(), new UserImpersonationSettingChanged(ANN, true, EARLIER))
                .when(new ImpersonateUser(ANN, 42), as(SYSTEM_ADMIN_CALLER))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("User 7 does not allow impersonation")
                .expectNoEvents();
    }

    @Test
    void a_team_admin_cannot_impersonate_a_user_who_disabled_impersonation() {
        fixture.given(registered(), new UserImpersonationSettingChanged(ANN, true, EARLIER))
                .when(new ImpersonateUser(ANN, 42),
                        as(TEAM_ADMIN_CALLER, IMPERSONATION, new ImpersonationFacts(true, true)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void nobody_impersonates_themselves() {
        fixture.given(registered(), madeAdmin())
                .when(new ImpersonateUser(ANN, 42), as(new Caller(ANN, true, null)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Nobody impersonates themselves")
                .expectNoEvents();
    }

    @Test
    void a_stranger_cannot_impersonate_a_user() {
        fixture.given(registered())
                .when(new ImpersonateUser(ANN, 42), as(BOB_CALLER, IMPERSONATION, new ImpersonationFacts(false, false)))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Only a system admin or an admin of one of their teams impersonates user 7")
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_impersonate_without_facts_about_their_teams() {
        fixture.given(registered())
                .when(new ImpersonateUser(ANN, 42), as(TEAM_ADMIN_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_team_scoped_key_cannot_impersonate_even_for_an_admin_of_the_users_team() {
        Caller teamKey = new Caller(TEAM_ADMIN, false, TEAM);
        fixture.given(registered())
                .when(new ImpersonateUser(ANN, 42), as(teamKey, IMPERSONATION, new ImpersonationFacts(true, true)))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void impersonation_without_a_known_caller_is_refused() {
        fixture.given(registered())
                .when(new ImpersonateUser(ANN, 42))
                .expectException(AccessDenied.class)
                .expectExceptionMessage("Impersonation needs a known user")
                .expectNoEvents();
    }

    // ---- StartSession and EndSession

    @Test
    void a_user_starts_a_session() {
        fixture.given(registered())
                .when(new StartSession(ANN, "s1", SESSION_TOKEN_HASH, IN_A_MONTH), as(ANN_CALLER))
                .expectEvents(new SessionStarted("s1", ANN, SESSION_TOKEN_HASH, IN_A_MONTH, NOW));
    }

    @Test
    void a_session_token_not_kept_as_sha_256_is_rejected() {
        fixture.given(registered())
                .when(new StartSession(ANN, "s1", "session-token", IN_A_MONTH), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A session token is kept as its SHA-256 only")
                .expectNoEvents();
    }

    @Test
    void a_session_that_expired_already_is_rejected() {
        fixture.given(registered())
                .when(new StartSession(ANN, "s1", SESSION_TOKEN_HASH, NOW.minusSeconds(1)), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_session_that_expires_right_now_is_rejected() {
        fixture.given(registered())
                .when(new StartSession(ANN, "s1", SESSION_TOKEN_HASH, NOW), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A session expires in the future, not at " + NOW)
                .expectNoEvents();
    }

    @Test
    void a_session_without_an_expiry_is_rejected() {
        fixture.given(registered())
                .when(new StartSession(ANN, "s1", SESSION_TOKEN_HASH, null), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_start_a_session_for_someone_else() {
        fixture.given(registered())
                .when(new StartSession(ANN, "s1", SESSION_TOKEN_HASH, IN_A_MONTH), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_user_ends_their_session() {
        fixture.given(registered(), sessionStarted())
                .when(new EndSession(ANN, "s1"), as(ANN_CALLER))
                .expectEvents(new SessionEnded("s1", ANN, NOW));
    }

    @Test
    void ending_an_unknown_session_is_not_found() {
        fixture.given(registered(), sessionStarted())
                .when(new EndSession(ANN, "s2"), as(ANN_CALLER))
                .expectException(NotFound.class)
                .expectExceptionMessage("User 7 has no session s2")
                .expectNoEvents();
    }

    @Test
    void ending_a_session_twice_is_not_found() {
        fixture.given(registered(), sessionStarted(), new SessionEnded("s1", ANN, EARLIER))
                .when(new EndSession(ANN, "s1"), as(ANN_CALLER))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_end_someone_elses_session() {
        fixture.given(registered(), sessionStarted())
                .when(new EndSession(ANN, "s1"), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ---- LinkAccount and UnlinkAccount

    @Test
    void a_user_links_an_account_of_an_identity_provider() {
        fixture.given(registered())
                .when(linkGoogle("oauth", "google", "g-1234"), as(ANN_CALLER))
                .expectEvents(new AccountLinked("a1", ANN, "oauth", "google", "g-1234", "ann@gmail.com",
                        "email profile", NOW));
    }

    @Test
    void linking_an_account_with_a_blank_provider_is_rejected() {
        fixture.given(registered())
                .when(linkGoogle("oauth", "  ", "g-1234"), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A linked account names its type, provider and the provider's account id")
                .expectNoEvents();
    }

    @Test
    void linking_an_account_without_a_type_is_rejected() {
        fixture.given(registered())
                .when(linkGoogle(null, "google", "g-1234"), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void linking_an_account_without_the_providers_account_id_is_rejected() {
        fixture.given(registered())
                .when(linkGoogle("oauth", "google", ""), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_link_an_account_to_someone_else() {
        fixture.given(registered())
                .when(linkGoogle("oauth", "google", "g-1234"), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void unlinking_an_account_tells_which_provider_account_it_was() {
        fixture.given(registered(), googleLinked())
                .when(new UnlinkAccount(ANN, "a1"), as(ANN_CALLER))
                .expectEvents(new AccountUnlinked("a1", ANN, "google", "g-1234", NOW));
    }

    @Test
    void unlinking_an_unknown_account_is_not_found() {
        fixture.given(registered(), googleLinked())
                .when(new UnlinkAccount(ANN, "a2"), as(ANN_CALLER))
                .expectException(NotFound.class)
                .expectExceptionMessage("User 7 has no linked account a2")
                .expectNoEvents();
    }

    @Test
    void unlinking_an_account_twice_is_not_found() {
        fixture.given(registered(), googleLinked(), new AccountUnlinked("a1", ANN, "google", "g-1234", EARLIER))
                .when(new UnlinkAccount(ANN, "a1"), as(ANN_CALLER))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_unlink_someone_elses_account() {
        fixture.given(registered(), googleLinked())
                .when(new UnlinkAccount(ANN, "a1"), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    // ---- IssueOAuthTokens, RevokeOAuthTokens, ExpireOAuthTokens

    @Test
    void oauth_tokens_are_issued_to_a_user_through_a_client() {
        Instant inAnHour = NOW.plus(Duration.ofHours(1));
        fixture.given(registered())
                .when(issue(OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH, inAnHour, IN_A_MONTH),
                        as(ANN_CALLER))
                .expectEvents(new OAuthTokensIssued(11, 12, ANN, OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH,
                        inAnHour, IN_A_MONTH, NOW));
    }

    @Test
    void oauth_tokens_without_a_client_are_rejected() {
        fixture.given(registered())
                .when(issue(" ", ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH, IN_A_MONTH, IN_A_MONTH), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("OAuth tokens are issued through an OAuth client")
                .expectNoEvents();
    }

    @Test
    void an_access_token_not_kept_as_sha_256_is_rejected() {
        fixture.given(registered())
                .when(issue(OAUTH_CLIENT, "access-token", REFRESH_TOKEN_HASH, IN_A_MONTH, IN_A_MONTH), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("An access token is kept as its SHA-256 only")
                .expectNoEvents();
    }

    @Test
    void a_refresh_token_not_kept_as_sha_256_is_rejected() {
        fixture.given(registered())
                .when(issue(OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH.toUpperCase(), IN_A_MONTH,
                        IN_A_MONTH), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A refresh token is kept as its SHA-256 only")
                .expectNoEvents();
    }

    @Test
    void an_access_token_that_expired_already_is_rejected() {
        fixture.given(registered())
                .when(issue(OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH, NOW.minusSeconds(1), IN_A_MONTH),
                        as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_refresh_token_that_expires_right_now_is_rejected() {
        fixture.given(registered())
                .when(issue(OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH, IN_A_MONTH, NOW), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A refresh token expires in the future, not at " + NOW)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_get_oauth_tokens_issued_to_someone_else() {
        fixture.given(registered())
                .when(issue(OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH, IN_A_MONTH, IN_A_MONTH),
                        as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void revoking_oauth_tokens_revokes_the_access_token_with_its_refresh_token() {
        fixture.given(registered(), tokensIssued())
                .when(new RevokeOAuthTokens(ANN, 11), as(ANN_CALLER))
                .expectEvents(new OAuthTokensRevoked(11, 12, ANN, NOW));
    }

    @Test
    void revoking_an_unknown_access_token_is_not_found() {
        fixture.given(registered(), tokensIssued())
                .when(new RevokeOAuthTokens(ANN, 99), as(ANN_CALLER))
                .expectException(NotFound.class)
                .expectExceptionMessage("User 7 has no access token 99")
                .expectNoEvents();
    }

    @Test
    void revoking_oauth_tokens_twice_is_not_found() {
        fixture.given(registered(), tokensIssued(), new OAuthTokensRevoked(11, 12, ANN, EARLIER))
                .when(new RevokeOAuthTokens(ANN, 11), as(ANN_CALLER))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_revoke_someone_elses_oauth_tokens() {
        fixture.given(registered(), tokensIssued())
                .when(new RevokeOAuthTokens(ANN, 11), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void expiring_oauth_tokens_expires_the_access_token_with_its_refresh_token() {
        fixture.given(registered(), tokensIssued())
                .when(new ExpireOAuthTokens(ANN, 11), as(SYSTEM_ADMIN_CALLER))
                .expectEvents(new OAuthTokensExpired(11, 12, ANN, NOW));
    }

    @Test
    void expiring_an_unknown_access_token_is_not_found() {
        fixture.given(registered())
                .when(new ExpireOAuthTokens(ANN, 11), as(ANN_CALLER))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_user_cannot_expire_someone_elses_oauth_tokens() {
        fixture.given(registered(), tokensIssued())
                .when(new ExpireOAuthTokens(ANN, 11), as(BOB_CALLER))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void an_administrator_changing_their_own_password_proves_they_know_it() {
        fixture.given(registered(), madeAdmin(), passwordSet())
                .when(new SetUserPassword(ANN, NEW_HASH, null), as(new Caller(ANN, true, null)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_new_password_ends_every_open_reset() {
        fixture.given(registered(), resetRequested(IN_A_MONTH), new UserPasswordChanged(ANN, OLD_HASH, NOW))
                .when(new CompletePasswordReset(ANN, "r1", NEW_HASH))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_locked_user_cannot_reset_their_password() {
        fixture.given(registered(), resetRequested(IN_A_MONTH), new UserLocked(ANN, EARLIER))
                .when(new CompletePasswordReset(ANN, "r1", NEW_HASH))
                .expectException(AccessDenied.class)
                .expectNoEvents();
    }

    @Test
    void a_session_id_is_started_once() {
        fixture.given(registered(), sessionStarted())
                .when(new StartSession(ANN, "s1", SESSION_TOKEN_HASH, IN_A_MONTH), as(ANN_CALLER))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void an_account_id_is_linked_once() {
        fixture.given(registered(), googleLinked())
                .when(linkGoogle("oauth", "google", "g-9999"), as(ANN_CALLER))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void an_access_token_id_is_issued_once() {
        fixture.given(registered(), tokensIssued())
                .when(issue(OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH, NOW.plus(Duration.ofHours(1)),
                        IN_A_MONTH), as(ANN_CALLER))
                .expectException(DomainConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_refresh_token_outlives_its_access_token() {
        fixture.given(registered())
                .when(issue(OAUTH_CLIENT, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH, IN_A_MONTH,
                        NOW.plus(Duration.ofHours(1))), as(ANN_CALLER))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void expiring_expired_tokens_changes_nothing() {
        fixture.given(registered(), tokensIssued(), new OAuthTokensExpired(11, 12, ANN, EARLIER))
                .when(new ExpireOAuthTokens(ANN, 11), as(ANN_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
