package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Authentication by API key on every endpoint, and what a key may not do. */
class AccessApiTest extends ApiTest {

    @Test
    void without_a_key_or_with_an_unknown_one_every_v2_endpoint_answers_401() {
        for (Response response : new Response[] {
                as(null, () -> get("/v2/me")),
                as(null, () -> post("/v2/teams", "{\"name\": \"x\"}")),
                as(null, () -> get("/v2/users/1")),
                as("cal_ffffffffffffffffffffffffffffffff", () -> get("/v2/me")),
                as("not-even-a-cal-key", () -> get("/v2/teams"))}) {
            assertThat(response.status().value()).isEqualTo(401);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void the_bootstrap_key_belongs_to_a_system_administrator() {
        Response me = get("/v2/me");

        assertThat(me.status().value()).isEqualTo(200);
        assertThat(me.data().get("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void a_revoked_key_stops_working_with_the_response_that_revokes_it() {
        Member member = newMember("revoker", "example.com");
        String keyId = as(member.key(), () -> get("/v2/api-keys")).data().get(0).get("id").asText();
        assertThat(as(member.key(), () -> get("/v2/me")).status().value()).isEqualTo(200);

        assertThat(as(member.key(), () -> delete("/v2/api-keys/" + keyId)).status().value()).isEqualTo(204);

        assertThat(as(member.key(), () -> get("/v2/me")).status().value()).isEqualTo(401);
    }

    @Test
    void an_expired_key_is_refused() {
        Member member = newMember("expirer", "example.com");
        String keyId = as(member.key(), () -> get("/v2/api-keys")).data().get(0).get("id").asText();

        assertThat(as(member.key(), () -> patch("/v2/api-keys/" + keyId, "{}")).status().value()).isEqualTo(204);

        Response refused = as(member.key(), () -> get("/v2/me"));
        assertThat(refused.status().value()).isEqualTo(401);
        assertThat(refused.body().get("detail").asText()).isEqualTo("The API key has expired");
    }

    @Test
    void a_users_new_role_counts_from_the_response_that_changes_it() {
        Member member = newMember("promoted", "example.com");
        assertThat(as(member.key(), () -> get("/v2/admin/features")).status().value()).isEqualTo(403);

        assertThat(put("/v2/users/" + member.id() + "/role", "{\"role\": \"ADMIN\"}").status().value()).isEqualTo(200);
        assertThat(as(member.key(), () -> get("/v2/admin/features")).status().value()).isEqualTo(200);

        assertThat(put("/v2/users/" + member.id() + "/role", "{\"role\": \"USER\"}").status().value()).isEqualTo(200);
        assertThat(as(member.key(), () -> get("/v2/admin/features")).status().value()).isEqualTo(403);
    }

    @Test
    void a_locked_users_key_is_forbidden_until_they_are_unlocked() {
        Member member = newMember("locked", "example.com");

        assertThat(post("/v2/users/" + member.id() + "/lock", null).status().value()).isEqualTo(200);
        assertThat(as(member.key(), () -> get("/v2/me")).status().value()).isEqualTo(403);

        assertThat(post("/v2/users/" + member.id() + "/unlock", null).status().value()).isEqualTo(200);
        assertThat(as(member.key(), () -> get("/v2/me")).status().value()).isEqualTo(200);
    }

    @Test
    void only_system_administrators_create_users_lock_them_or_rebuild_projections() {
        Member member = newMember("plain", "example.com");

        assertThat(as(member.key(), () -> post("/v2/users", "{\"email\": \"x@example.com\", \"username\": \"x-"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}")).status().value()).isEqualTo(403);
        assertThat(as(member.key(), () -> post("/v2/users/1/lock", null)).status().value()).isEqualTo(403);
        assertThat(as(member.key(), () -> post("/v2/admin/projections/replay", null)).status().value()).isEqualTo(403);
        assertThat(as(member.key(), () -> get("/v2/admin/projections")).status().value()).isEqualTo(403);
    }

    @Test
    void users_see_and_change_only_themselves() {
        Member ann = newMember("ann", "example.com");
        Member bob = newMember("bob", "example.com");
        awaitProjectionsCaughtUp();

        assertThat(as(ann.key(), () -> get("/v2/users/" + ann.id())).status().value()).isEqualTo(200);
        assertThat(as(ann.key(), () -> get("/v2/users/" + bob.id())).status().value()).isEqualTo(404);
        assertThat(as(ann.key(), () -> get("/v2/users?email=" + bob.email())).data()).isEmpty();
        assertThat(as(ann.key(), () -> patch("/v2/users/" + bob.id(), "{\"name\": \"Mallory\"}")).status().value())
                .isEqualTo(403);
        Response mine = as(ann.key(), () -> patch("/v2/me", "{\"name\": \"Ann\"}"));
        assertThat(mine.status().value()).isEqualTo(200);
        assertThat(mine.data().get("name").asText()).isEqualTo("Ann");
    }

    @Test
    void a_teams_key_acts_inside_its_team_only() {
        Member owner = newMember("keyowner", "example.com");
        int teamId = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Keyed", "slug": "keyed-%s"}""".formatted(UUID.randomUUID().toString().substring(0, 8))))
                .data().get("id").asInt();
        String teamKey = as(owner.key(), () -> post("/v2/api-keys", "{\"teamId\": %d}".formatted(teamId)))
                .data().get("apiKey").asText();
        awaitProjectionsCaughtUp();

        assertThat(as(teamKey, () -> get("/v2/teams/" + teamId)).status().value()).isEqualTo(200);
        assertThat(as(teamKey, () -> patch("/v2/teams/" + teamId, "{\"bio\": \"by key\"}")).status().value())
                .isEqualTo(200);
        assertThat(as(teamKey, () -> get("/v2/me")).status().value()).isEqualTo(404);
        assertThat(as(teamKey, () -> patch("/v2/me", "{\"name\": \"x\"}")).status().value()).isEqualTo(403);
        assertThat(as(teamKey, () -> post("/v2/teams", "{\"name\": \"Other\"}")).status().value()).isEqualTo(403);
    }
}
