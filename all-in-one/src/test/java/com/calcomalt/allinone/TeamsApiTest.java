package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Teams, organizations and memberships over HTTP, as two unrelated teams and as the issue's acceptance tells it. */
class TeamsApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private int createTeam(Member owner, String slug) {
        Response created = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Team %s", "slug": "%s-%s", "timeZone": "Europe/Berlin"}""".formatted(slug, slug, tag)));
        assertThat(created.status().value()).isEqualTo(201);
        return created.data().get("id").asInt();
    }

    private int invite(Member inviter, String path, Member invitee, String role) {
        Response invited = as(inviter.key(), () -> post(path, """
                {"userId": %d, "role": "%s"}""".formatted(invitee.id(), role)));
        assertThat(invited.status().value()).as(invited.body().toString()).isEqualTo(201);
        return invited.data().get("id").asInt();
    }

    @Test
    void a_member_of_one_team_can_neither_read_nor_change_another_team() {
        Member aliceOwnsA = newMember("alice", "a.example");
        Member aaronInA = newMember("aaron", "a.example");
        Member bettyOwnsB = newMember("betty", "b.example");
        int teamA = createTeam(aliceOwnsA, "team-a");
        int teamB = createTeam(bettyOwnsB, "team-b");
        int aaronsMembership = invite(aliceOwnsA, "/v2/teams/" + teamA + "/memberships", aaronInA, "MEMBER");
        as(aaronInA.key(), () -> patch("/v2/teams/" + teamA + "/memberships/" + aaronsMembership,
                "{\"accepted\": true}"));
        String bettysKey = as(bettyOwnsB.key(), () -> get("/v2/api-keys")).data().get(0).get("id").asText();
        awaitProjectionsCaughtUp();
        int bettysMembership = as(bettyOwnsB.key(), () -> get("/v2/teams/" + teamB + "/memberships"))
                .data().get(0).get("id").asInt();

        for (Member outsider : List.of(aliceOwnsA, aaronInA)) {
            String key = outsider.key();
            assertThat(as(key, () -> get("/v2/teams/" + teamB)).status().value()).isEqualTo(404);
            assertThat(as(key, () -> get("/v2/teams/" + teamB + "/memberships")).status().value()).isEqualTo(404);
            assertThat(as(key, () -> get("/v2/teams/" + teamB + "/memberships/" + bettysMembership)).status().value())
                    .isEqualTo(404);
            assertThat(as(key, () -> get("/v2/users/" + bettyOwnsB.id())).status().value()).isEqualTo(404);
            assertThat(as(key, () -> get("/v2/teams")).data().findValuesAsText("slug")).doesNotContain("team-b-" + tag);
            assertThat(as(key, () -> get("/v2/api-keys")).data().findValuesAsText("id")).doesNotContain(bettysKey);
            assertThat(as(key, () -> patch("/v2/teams/" + teamB, "{\"name\": \"Taken\"}")).status().value())
                    .isEqualTo(403);
            assertThat(as(key, () -> post("/v2/teams/" + teamB + "/memberships", """
                    {"userId": %d}""".formatted(outsider.id()))).status().value()).isEqualTo(403);
            assertThat(as(key, () -> patch("/v2/teams/" + teamB + "/memberships/" + bettysMembership,
                    "{\"role\": \"MEMBER\"}")).status().value()).isEqualTo(403);
            assertThat(as(key, () -> delete("/v2/teams/" + teamB + "/memberships/" + bettysMembership))
                    .status().value()).isEqualTo(403);
            assertThat(as(key, () -> delete("/v2/api-keys/" + bettysKey)).status().value()).isEqualTo(403);
            assertThat(as(key, () -> delete("/v2/teams/" + teamB)).status().value()).isEqualTo(403);
        }
        awaitProjectionsCaughtUp();
        JsonNode teamBNow = as(bettyOwnsB.key(), () -> get("/v2/teams/" + teamB)).data();
        assertThat(teamBNow.get("name").asText()).isEqualTo("Team team-b");
        assertThat(as(bettyOwnsB.key(), () -> get("/v2/teams/" + teamB + "/memberships")).data()).hasSize(1);
        assertThat(as(aliceOwnsA.key(), () -> get("/v2/users/" + aaronInA.id())).status().value())
                .as("an owner sees their team's members").isEqualTo(200);
    }

    @Test
    void an_organization_grows_as_the_issue_tells_it() {
        Member olga = newMember("olga", "acme-" + tag + ".com");
        Member max = newMember("max", "acme-" + tag + ".com");
        Member eve = newMember("eve", "elsewhere.example");
        Member stranger = newMember("stranger", "elsewhere.example");

        Response org = as(ADMIN_KEY, () -> post("/v2/organizations", """
                {"name": "Acme", "slug": "acme-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "acme-%s.com"}}""".formatted(tag, olga.email(), tag)));
        assertThat(org.status().value()).isEqualTo(201);
        int orgId = org.data().get("id").asInt();
        Response sales = as(olga.key(), () -> post("/v2/organizations/" + orgId + "/teams", """
                {"name": "Sales", "slug": "sales"}"""));
        assertThat(sales.status().value()).isEqualTo(201);
        int salesId = sales.data().get("id").asInt();

        int maxInOrg = invite(olga, "/v2/organizations/" + orgId + "/memberships", max, "MEMBER");
        int eveInOrg = invite(olga, "/v2/organizations/" + orgId + "/memberships", eve, "MEMBER");
        assertThat(as(olga.key(), () -> post("/v2/teams/" + salesId + "/memberships", """
                {"userId": %d}""".formatted(eve.id()))).status().value())
                .as("a sub-team needs an accepted org member").isEqualTo(422);
        assertThat(as(olga.key(), () -> patch("/v2/organizations/" + orgId + "/memberships/" + eveInOrg,
                "{\"accepted\": true}")).status().value()).as("only eve accepts").isEqualTo(403);
        assertThat(as(eve.key(), () -> patch("/v2/organizations/" + orgId + "/memberships/" + eveInOrg,
                "{\"accepted\": true}")).status().value()).isEqualTo(200);
        int eveInSales = invite(olga, "/v2/teams/" + salesId + "/memberships", eve, "MEMBER");
        as(eve.key(), () -> patch("/v2/teams/" + salesId + "/memberships/" + eveInSales, "{\"accepted\": true}"));

        assertThat(as(eve.key(), () -> patch("/v2/organizations/" + orgId + "/memberships/" + eveInOrg,
                "{\"role\": \"ADMIN\"}")).status().value()).as("a member changes no roles").isEqualTo(403);
        assertThat(as(olga.key(), () -> patch("/v2/organizations/" + orgId + "/memberships/" + eveInOrg,
                "{\"role\": \"ADMIN\"}")).status().value()).isEqualTo(200);

        awaitProjectionsCaughtUp();
        int olgaInOrg = as(olga.key(), () -> get("/v2/organizations/" + orgId + "/memberships")).data()
                .findValues("userId").indexOf(null);
        JsonNode orgMembers = as(olga.key(), () -> get("/v2/organizations/" + orgId + "/memberships")).data();
        int olgasMembership = 0;
        for (JsonNode m : orgMembers) {
            if (m.get("userId").asInt() == olga.id()) {
                olgasMembership = m.get("id").asInt();
            }
        }
        int ownership = olgasMembership;
        Response lastOwner = as(olga.key(), () -> patch("/v2/organizations/" + orgId + "/memberships/" + ownership,
                "{\"role\": \"MEMBER\"}"));
        assertThat(lastOwner.status().value()).isEqualTo(422);
        assertThat(lastOwner.body().get("detail").asText()).contains("without an accepted owner");

        awaitProjectionsCaughtUp();
        JsonNode members = as(olga.key(), () -> get("/v2/organizations/" + orgId + "/memberships")).data();
        assertThat(members).hasSize(3);
        assertThat(members.findValuesAsText("role")).containsExactlyInAnyOrder("OWNER", "MEMBER", "ADMIN");
        assertThat(members.findValues("accepted")).allMatch(JsonNode::asBoolean);
        assertThat(jdbc.queryForObject("select accepted from \"Membership\" where id = ?", Boolean.class, maxInOrg))
                .as("max's email domain is the org's").isTrue();
        assertThat(jdbc.queryForList("select username from \"Profile\" where \"organizationId\" = ? order by id",
                String.class, orgId)).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from users where \"organizationId\" = ?", Integer.class,
                orgId)).isEqualTo(3);
        assertThat(as(eve.key(), () -> get("/v2/organizations/" + orgId + "/teams")).data().findValuesAsText("slug"))
                .containsExactly("sales");
        assertThat(as(olga.key(), () -> get("/v2/organizations/" + orgId)).data()
                .at("/organizationSettings/orgAutoAcceptEmail").asText()).isEqualTo("acme-" + tag + ".com");

        assertThat(as(stranger.key(), () -> get("/v2/organizations/" + orgId)).status().value()).isEqualTo(404);
        assertThat(as(stranger.key(), () -> get("/v2/organizations/" + orgId + "/teams")).status().value())
                .isEqualTo(404);
        assertThat(as(stranger.key(), () -> get("/v2/organizations/" + orgId + "/memberships")).status().value())
                .isEqualTo(404);
        assertThat(as(stranger.key(), () -> get("/v2/teams/" + salesId)).status().value()).isEqualTo(404);
        assertThat(olgaInOrg).isEqualTo(-1);
    }

    @Test
    void a_plain_member_cannot_create_an_organization_and_nothing_is_stored() {
        Member plain = newMember("plain", "example.com");
        Member other = newMember("other", "example.com");
        long events = storedEvents();

        Response own = as(plain.key(), () -> post("/v2/organizations", """
                {"name": "Mine", "slug": "mine-%s", "organizationSettings": {"orgAutoAcceptEmail": "example.com"}}"""
                .formatted(tag)));
        Response forOther = as(plain.key(), () -> post("/v2/organizations", """
                {"name": "Theirs", "slug": "theirs-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "example.com"}}""".formatted(tag, other.email())));

        for (Response refused : List.of(own, forOther)) {
            assertThat(refused.status().value()).isEqualTo(403);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.body().get("detail").asText()).isEqualTo("Only admins can create organizations");
        }
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from command_side.team_registry where slug in (?, ?)",
                Integer.class, "mine-" + tag, "theirs-" + tag)).isZero();
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("select count(*) from \"Team\" where slug in (?, ?)", Integer.class,
                "mine-" + tag, "theirs-" + tag)).isZero();
    }

    @Test
    void the_system_admin_creates_an_organization_for_a_member_who_then_runs_it() {
        Member oscar = newMember("oscar", "example.com");
        Response unknownOwner = post("/v2/organizations", """
                {"name": "Nobody's", "slug": "nobodys-%s", "orgOwnerEmail": "nobody-%s@example.com",
                 "organizationSettings": {"orgAutoAcceptEmail": "example.com"}}""".formatted(tag, tag));
        assertThat(unknownOwner.status().value()).as(unknownOwner.body().toString()).isEqualTo(422);

        Response org = post("/v2/organizations", """
                {"name": "Oscar's", "slug": "oscars-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "oscars-%s.example"}}"""
                .formatted(tag, oscar.email().toUpperCase(), tag));
        assertThat(org.status().value()).as(org.body().toString()).isEqualTo(201);
        int orgId = org.data().get("id").asInt();

        Response team = as(oscar.key(), () -> post("/v2/organizations/" + orgId + "/teams", """
                {"name": "Sales", "slug": "sales"}"""));
        assertThat(team.status().value()).as(team.body().toString()).isEqualTo(201);
        awaitProjectionsCaughtUp();
        JsonNode members = as(oscar.key(), () -> get("/v2/organizations/" + orgId + "/memberships")).data();
        assertThat(members.findValuesAsText("userId")).containsExactly(String.valueOf(oscar.id()));
        assertThat(members.findValuesAsText("role")).containsExactly("OWNER");
        assertThat(members.findValues("accepted")).allMatch(JsonNode::asBoolean);
        assertThat(as(oscar.key(), () -> get("/v2/organizations/" + orgId + "/teams")).data()
                .findValuesAsText("slug")).containsExactly("sales");
    }

    @Test
    void a_slug_taken_by_another_team_is_a_409_and_a_sub_team_of_a_plain_team_is_a_422() {
        Member owner = newMember("slugger", "example.com");
        createTeam(owner, "taken");
        int plain = createTeam(owner, "plain");

        Response clash = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Again", "slug": "taken-%s"}""".formatted(tag)));
        assertThat(clash.status().value()).isEqualTo(409);
        assertThat(clash.contentType()).isEqualTo("application/problem+json");
        assertThat(as(owner.key(), () -> post("/v2/organizations/" + plain + "/teams", """
                {"name": "Child", "slug": "child"}""")).status().value()).isEqualTo(422);
        assertThat(as(owner.key(), () -> post("/v2/teams", "{\"slug\": \"no-name\"}")).status().value())
                .isEqualTo(400);
        assertThat(as(owner.key(), () -> post("/v2/teams", "{\"name\": \"Bad\", \"slug\": \"Not A Slug\"}"))
                .status().value()).isEqualTo(400);
    }
}
