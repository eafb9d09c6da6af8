package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.LinkAccount;
import com.calcomalt.contracts.identity.SetUserPassword;
import com.calcomalt.platform.axon.CallerMetaData;
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
            "Impersonations\t9001\tuser 301 or 1 is not imported", "Impersonations\t9002\tnobody impersonates");

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
