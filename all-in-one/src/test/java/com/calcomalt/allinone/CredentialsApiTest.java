package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Passwords, resets, sessions, linked accounts, OAuth tokens and impersonation over HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsApiTest extends ApiTest {

    private static final List<String> TABLES = List.of("users", "ApiKey", "UserPassword", "ResetPasswordRequest",
            "Session", "Account", "AccessToken", "RefreshToken", "Impersonations");

    @Test
    void passwords_and_their_resets() {
        Member member = newMember("pw", "example.com");
        String key = member.key();

        assertThat(as(key, () -> put("/v2/me/password", "{\"password\": \"first secret 1\"}")).status().value())
                .isEqualTo(204);
        assertThat(as(key, () -> put("/v2/me/password", "{\"password\": \"second secret 2\"}")).status().value())
                .as("the current password is needed once there is one").isEqualTo(422);
        assertThat(as(key, () -> put("/v2/me/password", """
                {"password": "second secret 2", "currentPassword": "wrong"}""")).status().value()).isEqualTo(422);
        assertThat(as(key, () -> put("/v2/me/password", """
                {"password": "second secret 2", "currentPassword": "first secret 1"}""")).status().value())
                .isEqualTo(204);
        assertThat(as(key, () -> put("/v2/me/password", "{\"password\": \"short\"}")).status().value()).isEqualTo(400);
        String hashBefore = jdbc.queryForObject("select hash from \"UserPassword\" where \"userId\" = ?", String.class,
                member.id());
        assertThat(hashBefore).startsWith("$2a$12$");

        JsonNode reset = as(key, () -> post("/v2/users/" + member.id() + "/password-reset-requests", null)).data();
        String resetId = reset.get("id").asText();
        String complete = "/v2/users/" + member.id() + "/password-reset-requests/" + resetId + "/complete";
        assertThat(as(key, () -> post(complete, "{\"password\": \"third secret 3\"}")).status().value()).isEqualTo(204);
        assertThat(as(key, () -> post(complete, "{\"password\": \"fourth secret 4\"}")).status().value())
                .as("a reset is used once").isEqualTo(422);
        assertThat(jdbc.queryForObject("select hash from \"UserPassword\" where \"userId\" = ?", String.class,
                member.id())).isNotEqualTo(hashBefore);
        assertThat(jdbc.queryForMap("select email, expires <= \"updatedAt\" as used from \"ResetPasswordRequest\""
                + " where id = ?", resetId)).containsEntry("email", member.email()).containsEntry("used", true);
    }

    @Test
    void sessions_linked_accounts_and_oauth_tokens() {
        Member member = newMember("cred", "example.com");
        Member other = newMember("other", "example.com");
        String key = member.key();
        String providerAccount = "g-" + UUID.randomUUID();

        JsonNode session = as(key, () -> post("/v2/users/" + member.id() + "/sessions", "{\"expiresInSeconds\": 3600}"))
                .data();
        assertThat(jdbc.queryForObject("select \"sessionToken\" from \"Session\" where id = ?", String.class,
                session.get("id").asText())).hasSize(64).isNotEqualTo(session.get("sessionToken").asText());
        assertThat(as(key, () -> delete("/v2/users/" + member.id() + "/sessions/" + session.get("id").asText()))
                .status().value()).isEqualTo(204);

        Response linked = as(key, () -> post("/v2/users/" + member.id() + "/accounts", """
                {"type": "oauth", "provider": "google", "providerAccountId": "%s"}""".formatted(providerAccount)));
        assertThat(linked.status().value()).isEqualTo(201);
        assertThat(as(other.key(), () -> post("/v2/users/" + other.id() + "/accounts", """
                {"type": "oauth", "provider": "google", "providerAccountId": "%s"}""".formatted(providerAccount)))
                .status().value()).as("one user per provider account").isEqualTo(409);
        assertThat(as(other.key(), () -> post("/v2/users/" + member.id() + "/accounts", """
                {"type": "oauth", "provider": "github", "providerAccountId": "x"}""")).status().value()).isEqualTo(403);

        JsonNode tokens = as(key, () -> post("/v2/users/" + member.id() + "/oauth-tokens",
                "{\"platformOAuthClientId\": \"client-1\"}")).data();
        int accessTokenId = tokens.get("accessTokenId").asInt();
        assertThat(as(key, () -> post("/v2/users/" + member.id() + "/oauth-tokens/" + accessTokenId + "/expire",
                null)).status().value()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select \"expiresAt\" <= now() at time zone 'UTC' from \"AccessToken\""
                + " where id = ?", Boolean.class, accessTokenId)).isTrue();
        assertThat(as(key, () -> delete("/v2/users/" + member.id() + "/oauth-tokens/" + accessTokenId))
                .status().value()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from \"RefreshToken\" where id = ?", Integer.class,
                tokens.get("refreshTokenId").asInt())).isZero();
    }

    @Test
    void impersonation_by_a_system_admin_and_by_a_teams_admin_unless_the_member_forbids_it() {
        Member owner = newMember("imp-owner", "example.com");
        Member member = newMember("imp-member", "example.com");
        int teamId = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Imp", "slug": "imp-%s"}""".formatted(UUID.randomUUID().toString().substring(0, 8))))
                .data().get("id").asInt();
        int membershipId = as(owner.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d}""".formatted(member.id()))).data().get("id").asInt();
        as(member.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId, "{\"accepted\": true}"));

        Response byAdmin = post("/v2/users/" + member.id() + "/impersonations", null);
        assertThat(byAdmin.status().value()).isEqualTo(201);
        assertThat(as(owner.key(), () -> post("/v2/users/" + member.id() + "/impersonations", null)).status().value())
                .isEqualTo(201);
        assertThat(as(member.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId,
                "{\"disableImpersonation\": true}")).status().value()).isEqualTo(200);
        assertThat(as(owner.key(), () -> post("/v2/users/" + member.id() + "/impersonations", null)).status().value())
                .isEqualTo(403);
        assertThat(as(member.key(), () -> post("/v2/users/" + owner.id() + "/impersonations", null)).status().value())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from \"Impersonations\" where \"impersonatedUserId\" = ?",
                Integer.class, member.id())).isEqualTo(2);

        assertThat(get("/v2/users/" + owner.id()).data().get("disableImpersonation").asBoolean()).isFalse();
        assertThat(as(owner.key(), () -> put("/v2/users/" + owner.id() + "/impersonation",
                "{\"disableImpersonation\": true}")).status().value()).isEqualTo(204);
        assertThat(as(owner.key(), () -> get("/v2/me")).data().get("disableImpersonation").asBoolean())
                .as("the user's own setting reads back (issue 16)").isTrue();
        assertThat(get("/v2/users/" + owner.id()).data().get("disableImpersonation").asBoolean()).isTrue();
    }

    @Test
    void no_key_password_or_token_is_stored_or_logged_in_plain(CapturedOutput output) {
        Member member = newMember("plain", "example.com");
        String password = "plain text password " + UUID.randomUUID();
        as(member.key(), () -> put("/v2/me/password", "{\"password\": \"%s\"}".formatted(password)));
        String sessionToken = as(member.key(), () -> post("/v2/users/" + member.id() + "/sessions", null))
                .data().get("sessionToken").asText();
        JsonNode tokens = as(member.key(), () -> post("/v2/users/" + member.id() + "/oauth-tokens",
                "{\"platformOAuthClientId\": \"client-1\"}")).data();
        List<String> secrets = List.of(member.key(), member.key().substring(4), ADMIN_KEY.substring(4), password,
                sessionToken, tokens.get("accessToken").asText(), tokens.get("refreshToken").asText());

        List<String> stored = new ArrayList<>(jdbc.queryForList("""
                select convert_from(payload, 'UTF8') || coalesce(convert_from(meta_data, 'UTF8'), '')
                from eventstore.domain_event_entry""", String.class));
        for (String table : TABLES) {
            stored.addAll(jdbc.queryForList("select t::text from \"" + table + "\" t", String.class));
        }
        for (String table : List.of("user_registry", "api_keys", "linked_accounts", "team_members")) {
            stored.addAll(jdbc.queryForList("select t::text from command_side." + table + " t", String.class));
        }

        for (String secret : secrets) {
            assertThat(stored).noneMatch(row -> row.contains(secret));
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(stored).anyMatch(row -> row.contains(com.calcomalt.platform.security.ApiKeys.hash(member.key())));
    }
}
