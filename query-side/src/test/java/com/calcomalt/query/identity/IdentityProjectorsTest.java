package com.calcomalt.query.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.identity.AccountLinked;
import com.calcomalt.contracts.identity.AccountTokensImported;
import com.calcomalt.contracts.identity.AccountUnlinked;
import com.calcomalt.contracts.identity.ApiKeyCreated;
import com.calcomalt.contracts.identity.ApiKeyDetailsImported;
import com.calcomalt.contracts.identity.ApiKeyExpiryChanged;
import com.calcomalt.contracts.identity.ApiKeyRevoked;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.MemberLeft;
import com.calcomalt.contracts.identity.MemberRoleChanged;
import com.calcomalt.contracts.identity.MembershipAccepted;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipDetailsImported;
import com.calcomalt.contracts.identity.MembershipImpersonationChanged;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.OAuthTokensExpired;
import com.calcomalt.contracts.identity.OAuthTokensIssued;
import com.calcomalt.contracts.identity.OAuthTokensRevoked;
import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.OrganizationProfileDetailsImported;
import com.calcomalt.contracts.identity.OrganizationProfileRemoved;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.OrganizationSettingsUpdated;
import com.calcomalt.contracts.identity.PasswordResetCompleted;
import com.calcomalt.contracts.identity.PasswordResetRequested;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.SMSLockState;
import com.calcomalt.contracts.identity.SessionEnded;
import com.calcomalt.contracts.identity.SessionStarted;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.TeamDetailsImported;
import com.calcomalt.contracts.identity.TeamRenamed;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.TeamSettingsUpdated;
import com.calcomalt.contracts.identity.TeamSlugChanged;
import com.calcomalt.contracts.identity.UserDetailsImported;
import com.calcomalt.contracts.identity.UserImpersonated;
import com.calcomalt.contracts.identity.UserImpersonationSettingChanged;
import com.calcomalt.contracts.identity.UserPasswordChanged;
import com.calcomalt.contracts.identity.UserPermissionRole;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserRoleChanged;
import com.calcomalt.platform.secrets.SecretBox;
import com.calcomalt.query.support.QuerySideTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Identity events through the event store and the real processor into cal.com's tables. */
class IdentityProjectorsTest extends QuerySideTest {

    @Autowired
    SecretBox secrets;

    private static final Instant T0 = Instant.parse("2026-03-29T00:59:59.250Z");
    private static final Instant T1 = Instant.parse("2026-03-29T01:00:00.500Z");

    private static final TeamSettings SETTINGS = new TeamSettings("We sell", true, false, "#000000", "#ffffff",
            "dark", "https://logo", null, null, null, null, 24, "Europe/Berlin", "Monday", true, Map.of("tier", 2),
            Map.of("PER_DAY", 3), true, RRResetInterval.DAY, RRTimestampBasis.START_TIME, true);
    private static final OrganizationSettings ORG = new OrganizationSettings("acme.com", true, false, true, false,
            false, true, false, false, false, false, true, false, false, false, false, false, false, false, false,
            true);

    private int user(String name) {
        int id = uniqueId();
        publish("User", "user:" + id, new UserRegistered(id, UUID.randomUUID(), name + id + "@acme.com", name + id,
                name, "UTC", "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2, T0));
        return id;
    }

    private Map<String, Object> row(String table, Object id) {
        return jdbc.queryForMap("select * from \"" + table + "\" where id = ?", id);
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Test
    void an_organization_its_settings_a_member_and_the_profile_become_rows() {
        int owner = user("owner");
        int orgId = uniqueId();
        int settingsId = uniqueId();
        int membershipId = uniqueId();
        int profileId = uniqueId();
        publish("Team", "team:" + orgId,
                new TeamCreated(orgId, "Acme", "acme-" + orgId, null, true, SETTINGS, owner, T0),
                new OrganizationSettingsUpdated(orgId, settingsId, ORG, T0));
        publish("Membership", "membership:" + membershipId,
                new MembershipCreated(membershipId, orgId, owner, MembershipRole.ADMIN, false, T0),
                new MembershipAccepted(membershipId, orgId, owner, T1),
                new OrganizationProfileCreated(profileId, "uid-" + profileId, owner, orgId, "owner" + owner, T1),
                new MemberRoleChanged(membershipId, orgId, owner, MembershipRole.OWNER, T1),
                new MembershipImpersonationChanged(membershipId, orgId, owner, true, T1));
        awaitProjectionsCaughtUp();

        assertThat(row("Team", orgId))
                .containsEntry("name", "Acme").containsEntry("slug", "acme-" + orgId)
                .containsEntry("isOrganization", true).containsEntry("parentId", null)
                .containsEntry("createdAt", at(T0)).containsEntry("bio", "We sell")
                .containsEntry("hideBranding", true).containsEntry("brandColor", "#000000")
                .containsEntry("darkBrandColor", "#ffffff").containsEntry("theme", "dark")
                .containsEntry("logoUrl", "https://logo").containsEntry("timeFormat", 24)
                .containsEntry("timeZone", "Europe/Berlin").containsEntry("weekStart", "Monday")
                .containsEntry("isPrivate", true).containsEntry("includeManagedEventsInLimits", true)
                .containsEntry("hideTeamProfileLink", true).containsEntry("pendingPayment", false)
                .containsEntry("isPlatform", false).containsEntry("autoOptInFeatures", false);
        assertThat(jdbc.queryForMap("""
                select metadata::text, "bookingLimits"::text, "rrResetInterval"::text, "rrTimestampBasis"::text,
                       "smsLockState"::text from "Team" where id = ?""", orgId))
                .containsValues("{\"tier\": 2}", "{\"PER_DAY\": 3}", "DAY", "START_TIME", "UNLOCKED");
        assertThat(row("OrganizationSettings", settingsId))
                .containsEntry("organizationId", orgId).containsEntry("orgAutoAcceptEmail", "acme.com")
                .containsEntry("isOrganizationConfigured", true).containsEntry("isOrganizationVerified", false)
                .containsEntry("lockEventTypeCreationForUsers", true).containsEntry("isAdminAPIEnabled", true)
                .containsEntry("orgAutoJoinOnSignup", true).containsEntry("disableAttendeeRescheduledEmail", true);
        assertThat(row("Membership", membershipId))
                .containsEntry("teamId", orgId).containsEntry("userId", owner).containsEntry("accepted", true)
                .containsEntry("disableImpersonation", true).containsEntry("createdAt", at(T0))
                .containsEntry("updatedAt", at(T1)).containsEntry("customRoleId", null);
        assertThat(jdbc.queryForObject("select role::text from \"Membership\" where id = ?", String.class,
                membershipId)).isEqualTo("OWNER");
        assertThat(row("Profile", profileId))
                .containsEntry("uid", "uid-" + profileId).containsEntry("userId", owner)
                .containsEntry("organizationId", orgId).containsEntry("username", "owner" + owner)
                .containsEntry("createdAt", at(T1)).containsEntry("updatedAt", at(T1));
        assertThat(row("users", owner)).containsEntry("organizationId", orgId);

        publish("Membership", "membership:" + membershipId,
                new MemberLeft(membershipId, orgId, owner, T1),
                new OrganizationProfileRemoved(profileId, owner, orgId, T1));
        awaitProjectionsCaughtUp();
        assertThat(count("Membership", membershipId)).isZero();
        assertThat(count("Profile", profileId)).isZero();
        assertThat(row("users", owner)).containsEntry("organizationId", null);
    }

    /** What only the import knows of a row fills its columns; cal.com's sealed-here tokens are opened into theirs. */
    @Test
    void imported_details_fill_the_columns_no_command_sets() {
        int userId = user("imp");
        int orgId = uniqueId();
        int membershipId = uniqueId();
        int profileId = uniqueId();
        String keyId = "key-" + uniqueId();
        String accountId = UUID.randomUUID().toString();
        Instant t2 = T1.plusSeconds(86400);
        publish("Team", "team:" + orgId,
                new TeamCreated(orgId, "Imp", "imp-" + orgId, null, true, SETTINGS, userId, T0),
                new TeamDetailsImported(orgId, true, true, SMSLockState.REVIEW_NEEDED, "oauth-client-1", true, true));
        publish("Membership", "membership:" + membershipId,
                new MembershipCreated(membershipId, orgId, userId, MembershipRole.MEMBER, true, T0),
                new OrganizationProfileCreated(profileId, "uid-" + profileId, userId, orgId, "imp" + userId, T0),
                new OrganizationProfileDetailsImported(profileId, userId, orgId, t2),
                new MembershipDetailsImported(membershipId, orgId, userId, "role-7", t2));
        publish("ApiKey", "api-key:" + keyId,
                new ApiKeyCreated(keyId, userId, null, "e".repeat(64), "zap", null, T0),
                new ApiKeyDetailsImported(keyId, t2));
        publish("User", "user:" + userId,
                new AccountLinked(accountId, userId, "oauth", "google", "g-" + userId, null, "email", T0),
                new AccountTokensImported(accountId, userId, secrets.seal("refresh-1"), secrets.seal("access-1"),
                        1_900_000_000, "Bearer", null, "state-1"),
                new UserDetailsImported(userId, 60, 1380, 15, T1, true, true, "iv:totp", 21, null, t2, null, orgId,
                        false, "iv:codes", false, profileId, true, SMSLockState.LOCKED, true, "ref-1", t2, true, null,
                        true));
        awaitProjectionsCaughtUp();

        assertThat(row("Team", orgId)).containsEntry("pendingPayment", true).containsEntry("isPlatform", true)
                .containsEntry("createdByOAuthClientId", "oauth-client-1").containsEntry("smsLockReviewedByAdmin", true)
                .containsEntry("autoOptInFeatures", true);
        assertThat(jdbc.queryForObject("select \"smsLockState\"::text from \"Team\" where id = ?", String.class,
                orgId)).isEqualTo("REVIEW_NEEDED");
        assertThat(row("Membership", membershipId)).containsEntry("customRoleId", "role-7")
                .containsEntry("updatedAt", at(t2)).containsEntry("createdAt", at(T0));
        assertThat(row("Profile", profileId)).containsEntry("createdAt", at(T0)).containsEntry("updatedAt", at(t2));
        assertThat(row("ApiKey", keyId)).containsEntry("lastUsedAt", at(t2));
        assertThat(row("Account", accountId)).containsEntry("refresh_token", "refresh-1")
                .containsEntry("access_token", "access-1").containsEntry("expires_at", 1_900_000_000)
                .containsEntry("token_type", "Bearer").containsEntry("id_token", null)
                .containsEntry("session_state", "state-1");
        assertThat(row("users", userId)).containsEntry("startTime", 60).containsEntry("endTime", 1380)
                .containsEntry("bufferTime", 15).containsEntry("emailVerified", at(T1))
                .containsEntry("completedOnboarding", true).containsEntry("twoFactorEnabled", true)
                .containsEntry("twoFactorSecret", "iv:totp").containsEntry("invitedTo", 21)
                .containsEntry("verified", null).containsEntry("trialEndsAt", at(t2))
                .containsEntry("allowDynamicBooking", null).containsEntry("organizationId", orgId)
                .containsEntry("allowSEOIndexing", false).containsEntry("backupCodes", "iv:codes")
                .containsEntry("receiveMonthlyDigestEmail", false).containsEntry("movedToProfileId", profileId)
                .containsEntry("isPlatformManaged", true).containsEntry("smsLockReviewedByAdmin", true)
                .containsEntry("referralLinkId", "ref-1").containsEntry("lastActiveAt", at(t2))
                .containsEntry("whitelistWorkflows", true).containsEntry("requiresBookerEmailVerification", null)
                .containsEntry("autoOptInFeatures", true);
        assertThat(jdbc.queryForObject("select \"smsLockState\"::text from users where id = ?", String.class,
                userId)).isEqualTo("LOCKED");
    }

    @Test
    void renaming_reslugging_changing_and_deleting_a_team() {
        int owner = user("t");
        int teamId = uniqueId();
        int membershipId = uniqueId();
        publish("Team", "team:" + teamId,
                new TeamCreated(teamId, "Sales", "sales-" + teamId, null, false, SETTINGS, owner, T0),
                new TeamRenamed(teamId, "Sales EU", T1),
                new TeamSlugChanged(teamId, null, "sales-eu-" + teamId, T1),
                new TeamSettingsUpdated(teamId, new TeamSettings(null, false, false, null, null, null, null, null,
                        null, null, null, null, "Europe/London", "Sunday", false, null, null, false,
                        RRResetInterval.MONTH, RRTimestampBasis.CREATED_AT, false), T1));
        publish("Membership", "membership:" + membershipId,
                new MembershipCreated(membershipId, teamId, owner, MembershipRole.OWNER, true, T0));
        awaitProjectionsCaughtUp();
        assertThat(row("Team", teamId)).containsEntry("name", "Sales EU").containsEntry("slug", "sales-eu-" + teamId)
                .containsEntry("bio", null).containsEntry("timeZone", "Europe/London").containsEntry("metadata", null);

        publish("Team", "team:" + teamId, new TeamDeleted(teamId, null, T1));
        awaitProjectionsCaughtUp();
        assertThat(count("Team", teamId)).isZero();
        assertThat(count("Membership", membershipId)).as("cascades as in cal.com").isZero();
    }

    @Test
    void api_keys_are_rows_of_their_hash_and_disappear_when_revoked() {
        int owner = user("k");
        String keyId = UUID.randomUUID().toString();
        String hash = "a".repeat(64);
        publish("ApiKey", "api-key:" + keyId, new ApiKeyCreated(keyId, owner, null, hash, "ci", null, T0),
                new ApiKeyExpiryChanged(keyId, owner, T1, T1));
        awaitProjectionsCaughtUp();
        assertThat(row("ApiKey", keyId)).containsEntry("userId", owner).containsEntry("hashedKey", hash)
                .containsEntry("note", "ci").containsEntry("createdAt", at(T0)).containsEntry("expiresAt", at(T1))
                .containsEntry("lastUsedAt", null).containsEntry("teamId", null).containsEntry("appId", null);

        publish("ApiKey", "api-key:" + keyId, new ApiKeyRevoked(keyId, owner, null, T1));
        awaitProjectionsCaughtUp();
        assertThat(count("ApiKey", keyId)).isZero();
    }

    @Test
    void credentials_and_access_records_become_rows() {
        int userId = user("c");
        int adminId = user("admin");
        int impersonationId = uniqueId();
        int accessTokenId = uniqueId();
        int refreshTokenId = uniqueId();
        String sessionId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        String resetId = UUID.randomUUID().toString();
        String bcrypt = "$2a$12$" + "x".repeat(53);
        publish("User", "user:" + userId,
                new UserRoleChanged(userId, UserPermissionRole.ADMIN, T1),
                new UserImpersonationSettingChanged(userId, true, T1),
                new UserPasswordChanged(userId, bcrypt, T1),
                new PasswordResetRequested(resetId, userId, "c" + userId + "@acme.com", T1.plusSeconds(21600), T0),
                new PasswordResetCompleted(resetId, userId, T1),
                new UserImpersonated(impersonationId, userId, adminId, T1),
                new SessionStarted(sessionId, userId, "b".repeat(64), T1.plusSeconds(3600), T0),
                new AccountLinked(accountId, userId, "oauth", "google", "g-" + userId, "c@gmail.com", "email", T0),
                new OAuthTokensIssued(accessTokenId, refreshTokenId, userId, "client-1", "c".repeat(64),
                        "d".repeat(64), T1.plusSeconds(3600), T1.plusSeconds(86400), T0));
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForObject("select role::text from users where id = ?", String.class, userId))
                .isEqualTo("ADMIN");
        assertThat(row("users", userId)).containsEntry("disableImpersonation", true);
        assertThat(jdbc.queryForMap("select * from \"UserPassword\" where \"userId\" = ?", userId))
                .containsEntry("hash", bcrypt);
        assertThat(row("ResetPasswordRequest", resetId)).containsEntry("email", "c" + userId + "@acme.com")
                .containsEntry("createdAt", at(T0)).containsEntry("updatedAt", at(T1))
                .containsEntry("expires", at(T1));
        assertThat(row("Impersonations", impersonationId)).containsEntry("impersonatedUserId", userId)
                .containsEntry("impersonatedById", adminId).containsEntry("createdAt", at(T1));
        assertThat(row("Session", sessionId)).containsEntry("userId", userId)
                .containsEntry("sessionToken", "b".repeat(64)).containsEntry("expires", at(T1.plusSeconds(3600)));
        assertThat(row("Account", accountId)).containsEntry("userId", userId).containsEntry("type", "oauth")
                .containsEntry("provider", "google").containsEntry("providerAccountId", "g-" + userId)
                .containsEntry("providerEmail", "c@gmail.com").containsEntry("scope", "email")
                .containsEntry("access_token", null).containsEntry("refresh_token", null);
        assertThat(row("AccessToken", accessTokenId)).containsEntry("secret", "c".repeat(64))
                .containsEntry("platformOAuthClientId", "client-1").containsEntry("userId", userId)
                .containsEntry("createdAt", at(T0)).containsEntry("expiresAt", at(T1.plusSeconds(3600)));
        assertThat(row("RefreshToken", refreshTokenId)).containsEntry("secret", "d".repeat(64))
                .containsEntry("expiresAt", at(T1.plusSeconds(86400)));

        publish("User", "user:" + userId,
                new OAuthTokensExpired(accessTokenId, refreshTokenId, userId, T1),
                new SessionEnded(sessionId, userId, T1),
                new AccountUnlinked(accountId, userId, "google", "g-" + userId, T1));
        awaitProjectionsCaughtUp();
        assertThat(row("AccessToken", accessTokenId)).containsEntry("expiresAt", at(T1));
        assertThat(row("RefreshToken", refreshTokenId)).containsEntry("expiresAt", at(T1));
        assertThat(count("Session", sessionId)).isZero();
        assertThat(count("Account", accountId)).isZero();

        publish("User", "user:" + userId, new OAuthTokensRevoked(accessTokenId, refreshTokenId, userId, T1));
        awaitProjectionsCaughtUp();
        assertThat(count("AccessToken", accessTokenId)).isZero();
        assertThat(count("RefreshToken", refreshTokenId)).isZero();
    }

    @Test
    void a_member_who_leaves_and_is_invited_again_in_one_batch_ends_with_the_new_membership() {
        int owner = user("o");
        int member = user("m");
        int teamId = uniqueId();
        int first = uniqueId();
        int second = uniqueId();
        publish("Team", "team:" + teamId, new TeamCreated(teamId, "Again", "again-" + teamId, null, false, SETTINGS,
                owner, T0));
        publish("Membership", "membership:" + first,
                new MembershipCreated(first, teamId, member, MembershipRole.MEMBER, true, T0),
                new MemberLeft(first, teamId, member, T1));
        publish("Membership", "membership:" + second,
                new MembershipCreated(second, teamId, member, MembershipRole.ADMIN, false, T1));
        awaitProjectionsCaughtUp();

        assertThat(count("Membership", first)).isZero();
        assertThat(row("Membership", second)).containsEntry("userId", member).containsEntry("accepted", false);
    }

    private int count(String table, Object id) {
        return jdbc.queryForObject("select count(*) from \"" + table + "\" where id = ?", Integer.class, id);
    }
}
