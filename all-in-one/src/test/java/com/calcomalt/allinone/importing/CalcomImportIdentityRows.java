package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.LinkAccount;
import com.calcomalt.contracts.identity.SetUserPassword;
import com.calcomalt.contracts.identity.UpdateUserProfile;
import com.calcomalt.platform.axon.CallerMetaData;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The source rows of CalcomImportTest for what proves who a user is: cal.com's bcrypt password hashes, and that
 * an imported user's password is still the one that works.
 */
final class CalcomImportIdentityRows {

    /** Person 6's cal.com password; cal.com hashes with bcryptjs at cost 12, as a "$2a$" hash. */
    static final String PASSWORD = "calcom-password-6";

    static final List<String> PLANTED = List.of("UserPassword\t3\tuser 3 is not imported",
            "UserPassword\t301\tuser 301 is not imported", "UserPassword\t9\tnot a bcrypt hash",
            "Account\tacc-301\tuser 301 is not imported", "Account\tacc-blank\ta linked account names",
            "Impersonations\t9001\tuser 301 or 1 is not imported", "Impersonations\t9002\tnobody impersonates",
            "users\t33\torganizationId 30 is a team not imported; left empty",
            "users\t5\tmovedToProfileId 900 is a profile not imported; left empty",
            "users\t303\tmetadata is a JSON string, not an object", "Team\t31\tmetadata is a JSON array, not an object");

    /** Source rows, imported rows, rows reported. */
    static final String[] COMPARED = {line("UserPassword", 101, 98, 3), line("Account", 22, 20, 2),
        line("Impersonations", 12, 10, 2)};

    static final String IMPORTED = "UserPassword=98, Account=20, Impersonations=10, AIPhoneCallConfiguration=10, Feature=";

    private CalcomImportIdentityRows() {
    }

    private static String line(String table, int source, int target, int reported) {
        return String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)", table,
                source, target, reported);
    }

    /** After the users: a password for every user who signs in with cal.com itself (every third one). */
    static void fill(JdbcTemplate db) {
        // Cost 4 for the many: the import keeps a hash as it is, whatever its cost.
        String cheap = BCrypt.hashpw("someone-else", BCrypt.gensalt(4));
        for (int user = 3; user <= 300; user += 3) {
            String hash = switch (user) {
                case 6 -> BCrypt.hashpw(PASSWORD, BCrypt.gensalt(12));
                case 9 -> "sha1$1$8a1f7c";
                default -> cheap;
            };
            db.update("insert into \"UserPassword\" (\"userId\", hash) values (?, ?)", user, hash);
        }
        db.update("insert into \"UserPassword\" (\"userId\", hash) values (301, ?)", cheap);
        // Google accounts of the users who sign in with Google, with the tokens cal.com keeps; then one of a user
        // not imported and one without the provider's account id.
        db.execute("""
                insert into "Account" (id, "userId", type, provider, "providerAccountId", refresh_token, access_token,
                                       expires_at, token_type, scope, id_token, "providerEmail")
                select 'acc-' || i, i, 'oauth', 'google', 'google-' || i, 'refresh-' || i, 'access-' || i,
                       extract(epoch from now() + interval '1 hour')::int, 'Bearer',
                       'openid email profile', 'id-token-' || i, 'person' || i || '@gmail.example'
                from generate_series(1, 58, 3) i;
                insert into "Account" (id, "userId", type, provider, "providerAccountId")
                values ('acc-301', 301, 'oauth', 'google', 'google-301'), ('acc-blank', 4, 'oauth', 'saml', '');
                """);
        // Every column of users, teams and memberships that our commands do not set, in values other than cal.com's
        // defaults: the import carries them whole. Person 33 belongs to the reported team 30, person 5 moved to the
        // reported profile 900: both are reported and imported with those columns empty.
        db.execute("""
                update users set bio = case when id % 4 = 0 then 'Bio of person ' || id end,
                       "startTime" = 60 * (id % 5), "endTime" = 1440 - 30 * (id % 3), "bufferTime" = 5 * (id % 4),
                       "emailVerified" = case when id % 2 = 0 then created + interval '1 day 2 hours' end,
                       "hideBranding" = id % 5 = 0, theme = case when id % 3 = 0 then 'dark' end,
                       "completedOnboarding" = id % 2 = 1, "twoFactorEnabled" = id % 17 = 0,
                       "twoFactorSecret" = case when id % 17 = 0 then 'a1b2c3:' || md5('totp' || id) end,
                       "backupCodes" = case when id % 17 = 0 then 'd4e5f6:' || md5('codes' || id) end,
                       "brandColor" = case when id % 6 = 0 then '#1f2937' end,
                       "darkBrandColor" = case when id % 6 = 1 then '#fafafa' end,
                       "invitedTo" = case when id % 13 = 0 then 21 end,
                       metadata = case when id % 7 = 0
                           then jsonb_build_object('phoneNumber', '+49151' || id, 'sessionTimeout', 30) end,
                       verified = case when id % 29 = 0 then null else id % 3 = 0 end,
                       "trialEndsAt" = case when id % 9 = 0 then created + interval '14 days' end,
                       "allowDynamicBooking" = case when id % 50 = 0 then null else id % 8 <> 0 end,
                       role = (case when id % 97 = 0 then 'ADMIN' else 'USER' end)::"UserPermissionRole",
                       "disableImpersonation" = id % 23 = 0,
                       "allowSEOIndexing" = id % 10 <> 3, "receiveMonthlyDigestEmail" = id % 10 <> 4,
                       "avatarUrl" = case when id % 3 = 1 then 'https://cdn.example/avatars/' || id || '.png' end,
                       locked = id in (123, 246), "appTheme" = case when id % 4 = 2 then 'light' end,
                       "isPlatformManaged" = id % 37 = 0,
                       "smsLockState" = (case id % 19 when 0 then 'LOCKED' when 1 then 'REVIEW_NEEDED'
                           else 'UNLOCKED' end)::"SMSLockState",
                       "smsLockReviewedByAdmin" = id % 19 = 0,
                       "referralLinkId" = case when id % 11 = 0 then 'ref-' || id end,
                       "lastActiveAt" = case when id % 2 = 0 then created + id * interval '3 hours 7 minutes' end,
                       "whitelistWorkflows" = id % 13 = 5,
                       "requiresBookerEmailVerification" = case when id % 53 = 0 then null else id % 12 = 0 end,
                       "autoOptInFeatures" = id % 14 = 0;
                update users u set "organizationId" = p."organizationId",
                       "movedToProfileId" = case when u.id % 4 = 0 then p.id end
                from "Profile" p where p."userId" = u.id and p.id < 900 and u.id % 5 <> 0;
                update users set "organizationId" = 2 where id in (62, 124) and "organizationId" is null;
                update users set "organizationId" = 30 where id = 33;
                update users set "movedToProfileId" = 900 where id = 5;
                update "Team" set "pendingPayment" = id = 21, "isPlatform" = id = 22,
                       "smsLockState" = (case id when 23 then 'LOCKED' when 1 then 'REVIEW_NEEDED'
                           else 'UNLOCKED' end)::"SMSLockState",
                       "createdByOAuthClientId" = case when id = 22 then 'oauth-client-7' end,
                       "smsLockReviewedByAdmin" = id = 23, "autoOptInFeatures" = id in (2, 11);
                update "Membership" set "updatedAt" = case when id % 2 = 0 then "createdAt" + (id % 5) * interval '1 day' end,
                       "customRoleId" = case when id % 4 = 1 then 'role-' || (id % 3) end;
                update "Feature" set "lastUsedAt" = timestamp '2024-06-01 08:00:00.5' where slug in ('insights', 'attributes');
                update "Account" set session_state = 'state-' || "userId" where "userId" % 2 = 1;
                """);
        // A user and a team whose metadata is no JSON object: reported, not an aborted import.
        db.execute("""
                insert into users (id, uuid, email, username, "timeZone", created, metadata)
                values (303, gen_random_uuid(), 'odd-metadata@example.com', 'odd-metadata', 'Europe/Rome',
                        timestamp '2024-03-01 00:00:00', '"just a text"');
                insert into "Team" (id, name, slug, "createdAt", metadata)
                values (31, 'Odd metadata', 'odd-metadata', timestamp '2024-03-01 00:00:00', '["a", "list"]');
                """);
        // Person 1 impersonated ten users over the last weeks; then someone not imported, and oneself.
        db.execute("""
                insert into "Impersonations" (id, "createdAt", "impersonatedUserId", "impersonatedById")
                select 40 + i, now() - (i || ' days')::interval, 10 + i, 1 from generate_series(1, 10) i;
                insert into "Impersonations" (id, "createdAt", "impersonatedUserId", "impersonatedById")
                values (9001, now() - interval '3 days', 301, 1), (9002, now() - interval '2 days', 5, 5);
                """);
    }

    /** Changing one's own password asks for the current one: the imported hash must check it. */
    static void passwordsStillWork(CommandGateway commands) {
        var person6 = CallerMetaData.of(new Caller(6, false, null));
        String next = BCrypt.hashpw("a-new-password", BCrypt.gensalt(4));
        assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new SetUserPassword(6, next, "not-the-password")).andMetaData(person6)))
                .as("a wrong password does not pass the imported hash")
                .hasMessageContaining("The current password is not right");
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new SetUserPassword(6, next, PASSWORD))
                .andMetaData(person6));
    }

    /**
     * Authentication knows the imported administrators, locks and impersonation settings; a user who changes
     * their profile keeps what the import brought, both what the profile holds and what no command sets.
     */
    static void importedDetailsStay(CommandGateway commands, JdbcTemplate target) {
        assertThat(target.queryForList("""
                select user_id || ' ' || role || ' ' || locked || ' ' || disable_impersonation
                from command_side.user_registry where user_id in (97, 123, 46) order by user_id""", String.class))
                .containsExactly("46 USER false true", "97 ADMIN false false", "123 USER true false");
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new UpdateUserProfile(68, null, null,
                "Person 68 renamed", null, null, null, null, null, null, null, null, null, null, null, null, null))
                .andMetaData(CallerMetaData.of(new Caller(68, false, null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Person 68 renamed".equals(
                target.queryForObject("select name from users where id = 68", String.class)));
        assertThat(target.queryForMap("""
                select bio, "twoFactorSecret" is not null as "twoFactor", "lastActiveAt" is not null as "active",
                       "startTime" from users where id = 68"""))
                .containsEntry("bio", "Bio of person 68").containsEntry("twoFactor", true)
                .containsEntry("active", true).containsEntry("startTime", 180);
    }

    /** New impersonations are numbered after the imported ones. */
    static void impersonationIdsFollow(IdAllocator ids) {
        assertThat(ids.next("Impersonations")).isGreaterThan(9002);
    }

    /** The command side's lookup knows the imported Google accounts: another user cannot take one. */
    static void linkedAccountsStayTheirs(CommandGateway commands) {
        assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(new LinkAccount(7,
                "acc-again", "oauth", "google", "google-4", null, null))
                .andMetaData(CallerMetaData.of(new Caller(7, false, null)))))
                .as("person 4's imported Google account").hasMessageContaining("is linked to a user already");
    }
}
