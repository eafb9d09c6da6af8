package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.calcomalt.platform.security.ApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.Test;

/**
 * A user's sessions, linked accounts, OAuth tokens and impersonations, read back over HTTP by whoever
 * may write them; everybody else is told there is no user. No token, nor its hash, is ever answered.
 */
class UserAccessReadBackApiTest extends ApiTest {

    /** The tables keep milliseconds, rounded; a write answers the instant it computed. */
    private static final TemporalUnitOffset MILLISECOND = within(1, ChronoUnit.MILLIS);

    @Test
    void a_users_sessions_are_read_back_by_them_and_a_system_admin_without_their_tokens() {
        Member member = newMember("sess", "example.com");
        Member other = newMember("stranger", "example.com");
        String path = "/v2/users/" + member.id() + "/sessions";
        JsonNode started = as(member.key(), () -> post(path, "{\"expiresInSeconds\": 3600}")).data();
        JsonNode ended = as(member.key(), () -> post(path, "{\"expiresInSeconds\": 7200}")).data();
        assertThat(as(member.key(), () -> delete(path + "/" + ended.get("id").asText())).status().value())
                .isEqualTo(204);
        awaitProjectionsCaughtUp();

        Response mine = as(member.key(), () -> get(path));
        assertThat(mine.status().value()).isEqualTo(200);
        assertThat(strings(mine.data(), "id")).containsExactly(started.get("id").asText());
        assertThat(mine.data().get(0).get("userId").asInt()).isEqualTo(member.id());
        assertThat(instant(mine.data().get(0), "expires")).isCloseTo(instant(started, "expires"), MILLISECOND);
        assertThat(strings(get(path).data(), "id")).as("a system admin").containsExactly(started.get("id").asText());
        assertNoSecret(mine, started.get("sessionToken").asText(), ended.get("sessionToken").asText());

        assertProblem(as(other.key(), () -> get(path)), 404);
        assertThat(as(null, () -> get(path)).status().value()).isEqualTo(401);
        assertProblem(get("/v2/users/987654321/sessions"), 404);
    }

    @Test
    void a_users_linked_accounts_are_read_back_by_them_and_a_system_admin_until_unlinked() {
        Member member = newMember("acct", "example.com");
        Member other = newMember("stranger", "example.com");
        String path = "/v2/users/" + member.id() + "/accounts";
        String google = "g-" + UUID.randomUUID();
        String kept = created(as(member.key(), () -> post(path, """
                {"type": "oauth", "provider": "google", "providerAccountId": "%s",
                 "providerEmail": "acct@gmail.example", "scope": "openid email"}""".formatted(google))));
        String unlinked = created(as(member.key(), () -> post(path, """
                {"type": "oauth", "provider": "github", "providerAccountId": "gh-1"}""")));
        awaitProjectionsCaughtUp();

        JsonNode accounts = as(member.key(), () -> get(path)).data();
        assertThat(strings(accounts, "id")).containsExactlyInAnyOrder(kept, unlinked);
        JsonNode account = accounts.get(strings(accounts, "id").indexOf(kept));
        assertThat(account.get("userId").asInt()).isEqualTo(member.id());
        assertThat(account.get("type").asText()).isEqualTo("oauth");
        assertThat(account.get("provider").asText()).isEqualTo("google");
        assertThat(account.get("providerAccountId").asText()).isEqualTo(google);
        assertThat(account.get("providerEmail").asText()).isEqualTo("acct@gmail.example");
        assertThat(account.get("scope").asText()).isEqualTo("openid email");
        assertThat(account.has("access_token") || account.has("refresh_token") || account.has("id_token")).isFalse();
        assertProblem(as(other.key(), () -> get(path)), 404);

        assertThat(as(member.key(), () -> delete(path + "/" + unlinked)).status().value()).isEqualTo(204);
        awaitProjectionsCaughtUp();
        assertThat(strings(get(path).data(), "id")).as("a system admin").containsExactly(kept);
    }

    @Test
    void a_users_oauth_tokens_are_read_back_with_their_expiry_and_never_the_tokens() {
        Member member = newMember("oauth", "example.com");
        Member other = newMember("stranger", "example.com");
        String path = "/v2/users/" + member.id() + "/oauth-tokens";
        JsonNode expired = as(member.key(), () -> post(path, "{\"platformOAuthClientId\": \"client-a\"}")).data();
        JsonNode revoked = as(member.key(), () -> post(path, "{\"platformOAuthClientId\": \"client-b\"}")).data();
        int expiredId = expired.get("accessTokenId").asInt();
        assertThat(as(member.key(), () -> post(path + "/" + expiredId + "/expire", null)).status().value())
                .isEqualTo(204);
        assertThat(as(member.key(), () -> delete(path + "/" + revoked.get("accessTokenId").asInt())).status().value())
                .isEqualTo(204);
        awaitProjectionsCaughtUp();

        Response mine = as(member.key(), () -> get(path));
        assertThat(mine.status().value()).isEqualTo(200);
        JsonNode access = mine.data().get("accessTokens");
        JsonNode refresh = mine.data().get("refreshTokens");
        assertThat(ints(access, "id")).containsExactly(expiredId);
        assertThat(ints(refresh, "id")).containsExactly(expired.get("refreshTokenId").asInt());
        assertThat(access.get(0).get("platformOAuthClientId").asText()).isEqualTo("client-a");
        assertThat(access.get(0).get("userId").asInt()).isEqualTo(member.id());
        assertThat(access.get(0).get("createdAt").asText()).isEqualTo(refresh.get(0).get("createdAt").asText());
        assertThat(instant(access.get(0), "expiresAt")).as("expired now, not in an hour")
                .isBefore(instant(expired, "accessTokenExpiresAt").minusSeconds(60));
        assertThat(instant(refresh.get(0), "expiresAt")).isEqualTo(instant(access.get(0), "expiresAt"));
        assertThat(ints(get(path).data().get("accessTokens"), "id")).as("a system admin").containsExactly(expiredId);
        assertNoSecret(mine, expired.get("accessToken").asText(), expired.get("refreshToken").asText(),
                revoked.get("accessToken").asText(), revoked.get("refreshToken").asText());

        assertProblem(as(other.key(), () -> get(path)), 404);
    }

    @Test
    void impersonations_are_read_by_the_user_and_a_system_admin_and_by_a_teams_owner_for_their_own() {
        Member owner = newMember("imp-owner", "example.com");
        Member member = newMember("imp-member", "example.com");
        Member other = newMember("stranger", "example.com");
        int teamId = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Imp", "slug": "imp-read-%s"}""".formatted(UUID.randomUUID().toString().substring(0, 8))))
                .data().get("id").asInt();
        int membershipId = as(owner.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d}""".formatted(member.id()))).data().get("id").asInt();
        as(member.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId, "{\"accepted\": true}"));
        String path = "/v2/users/" + member.id() + "/impersonations";
        int byAdmin = Integer.parseInt(created(post(path, null)));
        int byOwner = Integer.parseInt(created(as(owner.key(), () -> post(path, null))));
        awaitProjectionsCaughtUp();

        JsonNode all = as(member.key(), () -> get(path)).data();
        assertThat(ints(all, "id")).containsExactly(byAdmin, byOwner);
        assertThat(all.get(1).get("impersonatedUserId").asInt()).isEqualTo(member.id());
        assertThat(all.get(1).get("impersonatedById").asInt()).isEqualTo(owner.id());
        assertThat(all.get(1).get("createdAt").asText()).isNotBlank();
        assertThat(ints(get(path).data(), "id")).as("a system admin").containsExactly(byAdmin, byOwner);
        assertThat(ints(as(owner.key(), () -> get(path)).data(), "id")).as("the team's owner, their own")
                .containsExactly(byOwner);
        assertProblem(as(other.key(), () -> get(path)), 404);
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }

    private static void assertNoSecret(Response response, String... secrets) {
        String body = response.body().toString();
        for (String secret : secrets) {
            assertThat(secret).isNotBlank();
            assertThat(body).doesNotContain(secret).doesNotContain(ApiKeys.sha256(secret));
        }
    }

    private static String created(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.data().get("id").asText();
    }

    private static List<String> strings(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    private static List<Integer> ints(JsonNode list, String field) {
        List<Integer> values = new ArrayList<>();
        list.forEach(item -> values.add(item.get(field).asInt()));
        return values;
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
