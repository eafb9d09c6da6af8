package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * cal.com's own examples of its API v2 requests for teams, organizations' teams, memberships, API keys
 * and {@code /v2/me} (its API docs' examples and its e2e tests at the reference revision), sent as
 * cal.com sends them, with the answers cal.com's e2e tests expect. Every command answers what a read
 * of the same resource answers a moment later.
 */
class CalcomTeamExamplesApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** cal.com's teams e2e: no slug means cal.com's slugify of the name; metadata comes back as sent. */
    @Test
    void cals_e2e_team_is_created_read_updated_and_deleted_as_cal_answers() {
        Member alice = newMember("alice", "example.com");
        String name = "teams dog " + tag;
        Response created = as(alice.key(), () -> post("/v2/teams", """
                {"name": "%s", "metadata": {"teamKey": "teamValue"}}""".formatted(name)));

        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("success");
        JsonNode team = created.data();
        int id = team.get("id").asInt();
        assertThat(team.get("name").asText()).isEqualTo(name);
        assertThat(team.get("slug").asText()).isEqualTo("teams-dog-" + tag);
        assertThat(team.get("metadata")).isEqualTo(json.valueToTree(java.util.Map.of("teamKey", "teamValue")));
        assertThat(team.get("isOrganization").asBoolean()).isFalse();
        assertThat(team.get("timeZone").asText()).as("cal.com's default").isEqualTo("Europe/London");
        assertThat(team.get("weekStart").asText()).as("cal.com's default").isEqualTo("Sunday");
        assertThat(as(alice.key(), () -> awaitFound("/v2/teams/" + id)).data()).isEqualTo(team);
        assertThat(as(alice.key(), () -> get("/v2/teams")).data().findValuesAsText("slug")).contains("teams-dog-" + tag);

        Response updated = as(alice.key(), () -> patch("/v2/teams/" + id, """
                {"name": "teams-dogs-shepherds-%s", "metadata": {"teamKey": "teamValue %s"}}""".formatted(tag, tag)));
        assertThat(updated.status().value()).isEqualTo(200);
        assertThat(updated.data().get("name").asText()).isEqualTo("teams-dogs-shepherds-" + tag);
        assertThat(updated.data().at("/metadata/teamKey").asText()).isEqualTo("teamValue " + tag);
        assertThat(as(alice.key(), () -> get("/v2/teams/" + id)).data()).isEqualTo(updated.data());

        Response deleted = as(alice.key(), () -> delete("/v2/teams/" + id));
        assertThat(deleted.status().value()).isEqualTo(200);
        assertThat(deleted.body().get("status").asText()).isEqualTo("success");
        assertThat(deleted.data()).isEqualTo(updated.data());
        assertThat(as(alice.key(), () -> get("/v2/teams/" + id)).status().value()).isEqualTo(404);
    }

    /** The examples of cal.com's CreateTeamInput, answered as its TeamOutputDto. */
    @Test
    void cals_documented_team_example_is_answered_as_its_team_output() {
        Member owner = newMember("caltel", "example.com");
        Response created = as(owner.key(), () -> post("/v2/teams", """
                {"name": "CalTeam", "slug": "caltel-%s",
                 "logoUrl": "https://i.cal.com/api/avatar/b0b58752-68ad-4c0d-8024-4fa382a77752.png",
                 "bannerUrl": "https://i.cal.com/api/avatar/949be534-7a88-4185-967c-c020b0c0bef3.png",
                 "hideBranding": false, "metadata": {"key": "value"}, "timeZone": "America/New_York",
                 "weekStart": "Monday", "autoAcceptCreator": true}""".formatted(tag)));

        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        JsonNode team = created.data();
        assertThat(team.get("name").asText()).isEqualTo("CalTeam");
        assertThat(team.get("slug").asText()).isEqualTo("caltel-" + tag);
        assertThat(team.get("logoUrl").asText())
                .isEqualTo("https://i.cal.com/api/avatar/b0b58752-68ad-4c0d-8024-4fa382a77752.png");
        assertThat(team.get("bannerUrl").asText())
                .isEqualTo("https://i.cal.com/api/avatar/949be534-7a88-4185-967c-c020b0c0bef3.png");
        assertThat(team.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(team.get("weekStart").asText()).isEqualTo("Monday");
        assertThat(team.get("metadata").get("key").asText()).isEqualTo("value");
        assertThat(team.get("hideBranding").asBoolean()).isFalse();
        assertThat(team.get("isPrivate").asBoolean()).isFalse();
        assertThat(team.get("hideBookATeamMember").asBoolean()).isFalse();
        assertThat(team.get("parentId").isNull()).isTrue();
        int id = team.get("id").asInt();
        assertThat(as(owner.key(), () -> awaitFound("/v2/teams/" + id)).data()).isEqualTo(team);

        Response notAccepted = as(owner.key(), () -> post("/v2/teams", """
                {"name": "Pending %s", "autoAcceptCreator": false}""".formatted(tag)));
        assertThat(notAccepted.status().value()).as("a team starts with its accepted owner").isEqualTo(400);
    }

    /** cal.com's team memberships e2e, with our one difference: a member accepts their own invitation. */
    @Test
    void cals_e2e_team_memberships_are_created_listed_updated_and_deleted_as_cal_answers() {
        Member owner = newMember("owner", "example.com");
        Member admin = newMember("admin", "example.com");
        Member member = newMember("member", "example.com");
        Member pending = newMember("pending", "example.com");
        as(member.key(), () -> patch("/v2/me", """
                {"bio": "I am a member", "metadata": {"some": "key"}}"""));
        int teamId = as(owner.key(), () -> post("/v2/teams", "{\"name\": \"Memberships " + tag + "\"}"))
                .data().get("id").asInt();

        Response byAdmin = post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d, "accepted": true, "role": "ADMIN"}""".formatted(admin.id()));
        assertThat(byAdmin.status().value()).as("a system admin makes it accepted: %s", byAdmin.body()).isEqualTo(201);
        assertThat(byAdmin.data().get("accepted").asBoolean()).isTrue();

        Response created = as(owner.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d, "accepted": false, "role": "MEMBER"}""".formatted(member.id())));
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        JsonNode membership = created.data();
        int membershipId = membership.get("id").asInt();
        assertThat(membership.get("teamId").asInt()).isEqualTo(teamId);
        assertThat(membership.get("userId").asInt()).isEqualTo(member.id());
        assertThat(membership.get("role").asText()).isEqualTo("MEMBER");
        assertThat(membership.get("accepted").asBoolean()).isFalse();
        assertThat(membership.get("disableImpersonation").asBoolean()).isFalse();
        assertThat(membership.at("/user/email").asText()).isEqualTo(member.email());
        assertThat(membership.at("/user/username").asText()).startsWith("member-");
        assertThat(membership.at("/user/bio").asText()).isEqualTo("I am a member");
        assertThat(membership.at("/user/metadata/some").asText()).isEqualTo("key");
        assertThat(as(owner.key(), () -> awaitFound("/v2/teams/" + teamId + "/memberships/" + membershipId)).data())
                .isEqualTo(membership);

        Response acceptedByOwner = as(owner.key(), () -> post("/v2/teams/" + teamId + "/memberships", """
                {"userId": %d, "accepted": true}""".formatted(pending.id())));
        assertThat(acceptedByOwner.status().value()).as("only the member accepts").isEqualTo(403);

        Response accepted = as(member.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId,
                "{\"accepted\": true}"));
        assertThat(accepted.status().value()).isEqualTo(200);
        assertThat(accepted.data().get("accepted").asBoolean()).isTrue();
        Response owned = as(owner.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId,
                "{\"role\": \"OWNER\"}"));
        assertThat(owned.status().value()).isEqualTo(200);
        assertThat(owned.data().get("role").asText()).isEqualTo("OWNER");
        assertThat(owned.data().at("/user/bio").asText()).isEqualTo("I am a member");
        assertThat(as(owner.key(), () -> get("/v2/teams/" + teamId + "/memberships/" + membershipId)).data())
                .isEqualTo(owned.data());

        JsonNode all = as(owner.key(), () -> get("/v2/teams/" + teamId + "/memberships")).data();
        assertThat(all.findValuesAsText("userId")).containsExactly(String.valueOf(owner.id()),
                String.valueOf(admin.id()), String.valueOf(member.id()));
        JsonNode second = as(owner.key(), () -> get("/v2/teams/" + teamId + "/memberships?skip=1&take=1")).data();
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("userId").asInt()).isEqualTo(admin.id());
        JsonNode byEmail = as(owner.key(), () -> get("/v2/teams/" + teamId + "/memberships?emails="
                + member.email().toUpperCase() + "," + admin.email())).data();
        assertThat(byEmail.findValuesAsText("userId")).containsExactly(String.valueOf(admin.id()),
                String.valueOf(member.id()));
        assertThat(as(owner.key(), () -> patch("/v2/teams/" + teamId + "/memberships/" + membershipId,
                "{\"accepted\": false}")).status().value()).as("a member leaves by DELETE").isEqualTo(400);

        Response deleted = as(owner.key(), () -> delete("/v2/teams/" + teamId + "/memberships/" + membershipId));
        assertThat(deleted.status().value()).isEqualTo(200);
        assertThat(deleted.data()).isEqualTo(owned.data());
        assertThat(as(owner.key(), () -> get("/v2/teams/" + teamId + "/memberships/" + membershipId)).status()
                .value()).isEqualTo(404);
    }

    /** cal.com's organizations' teams e2e paths: teams, the caller's teams, and their memberships. */
    @Test
    void an_organizations_teams_and_their_memberships_take_cals_paths() {
        Member olga = newMember("olga", "acme-" + tag + ".com");
        Member max = newMember("max", "acme-" + tag + ".com");
        Response org = post("/v2/organizations", """
                {"name": "Acme", "slug": "acme-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "acme-%s.com"}}""".formatted(tag, olga.email(), tag));
        assertThat(org.status().value()).as(org.body().toString()).isEqualTo(201);
        assertThat(org.data().get("isOrganization").asBoolean()).isTrue();
        assertThat(org.data().at("/organizationSettings/orgAutoAcceptEmail").asText()).isEqualTo("acme-" + tag + ".com");
        int orgId = org.data().get("id").asInt();
        assertThat(as(olga.key(), () -> awaitFound("/v2/organizations/" + orgId)).data()).isEqualTo(org.data());

        Response sales = as(olga.key(), () -> post("/v2/organizations/" + orgId + "/teams",
                "{\"name\": \"Sales Team\"}"));
        assertThat(sales.status().value()).isEqualTo(201);
        assertThat(sales.data().get("parentId").asInt()).isEqualTo(orgId);
        assertThat(sales.data().get("slug").asText()).isEqualTo("sales-team");
        int salesId = sales.data().get("id").asInt();
        int supportId = as(olga.key(), () -> post("/v2/organizations/" + orgId + "/teams", "{\"name\": \"Support\"}"))
                .data().get("id").asInt();

        Response maxInOrg = as(olga.key(), () -> post("/v2/organizations/" + orgId + "/memberships", """
                {"userId": %d}""".formatted(max.id())));
        assertThat(maxInOrg.data().get("accepted").asBoolean()).as("the org's email domain").isTrue();
        String path = "/v2/organizations/" + orgId + "/teams/" + salesId + "/memberships";
        Response maxInSales = as(olga.key(), () -> post(path, "{\"userId\": %d}".formatted(max.id())));
        assertThat(maxInSales.status().value()).as(maxInSales.body().toString()).isEqualTo(201);
        assertThat(maxInSales.data().get("teamId").asInt()).isEqualTo(salesId);
        int membershipId = maxInSales.data().get("id").asInt();
        assertThat(as(olga.key(), () -> post("/v2/organizations/" + orgId + "/teams/" + (salesId + 100000)
                + "/memberships", "{\"userId\": %d}".formatted(max.id()))).status().value()).isEqualTo(404);
        Response accepted = as(max.key(), () -> patch(path + "/" + membershipId, "{\"accepted\": true}"));
        assertThat(accepted.data().get("accepted").asBoolean()).isTrue();
        assertThat(as(max.key(), () -> awaitFound(path + "/" + membershipId)).data()).isEqualTo(accepted.data());
        assertThat(as(olga.key(), () -> get(path)).data().findValuesAsText("userId"))
                .containsExactly(String.valueOf(olga.id()), String.valueOf(max.id()));

        assertThat(as(max.key(), () -> get("/v2/organizations/" + orgId + "/teams/me")).data().findValuesAsText("id"))
                .containsExactly(String.valueOf(salesId));
        assertThat(as(olga.key(), () -> get("/v2/organizations/" + orgId + "/teams?take=1&skip=1")).data()
                .findValuesAsText("id")).containsExactly(String.valueOf(supportId));

        Response left = as(max.key(), () -> delete(path + "/" + membershipId));
        assertThat(left.status().value()).isEqualTo(200);
        assertThat(left.data()).isEqualTo(accepted.data());
        Response deletedTeam = as(olga.key(), () -> delete("/v2/organizations/" + orgId + "/teams/" + supportId));
        assertThat(deletedTeam.status().value()).isEqualTo(200);
        assertThat(deletedTeam.data().get("name").asText()).isEqualTo("Support");
    }

    /** cal.com's POST /v2/api-keys/refresh: a new key replaces the one the request is made with. */
    @Test
    void refreshing_an_api_key_gives_a_new_key_and_revokes_the_old_one_as_cal_does() {
        Member user = newMember("refresher", "example.com");
        Response both = as(user.key(), () -> post("/v2/api-keys/refresh",
                "{\"apiKeyDaysValid\": 10, \"apiKeyNeverExpires\": true}"));
        assertThat(both.status().value()).isEqualTo(400);

        Instant before = Instant.now();
        Response refreshed = as(user.key(), () -> post("/v2/api-keys/refresh", "{\"apiKeyDaysValid\": 60}"));
        assertThat(refreshed.status().value()).as(refreshed.body().toString()).isEqualTo(200);
        assertThat(refreshed.body().get("status").asText()).isEqualTo("success");
        String newKey = refreshed.data().get("apiKey").asText();
        assertThat(newKey).startsWith("cal_").isNotEqualTo(user.key());
        assertThat(refreshed.data().size()).isEqualTo(1);

        assertThat(as(user.key(), () -> get("/v2/me")).status().value()).as("the old key is revoked").isEqualTo(401);
        assertThat(as(newKey, () -> get("/v2/me")).data().get("id").asInt()).isEqualTo(user.id());
        awaitProjectionsCaughtUp();
        JsonNode keys = as(newKey, () -> get("/v2/api-keys")).data();
        assertThat(keys).hasSize(1);
        Instant expiresAt = Instant.parse(keys.get(0).get("expiresAt").asText());
        assertThat(expiresAt).isBetween(before.plus(Duration.ofDays(60)), Instant.now().plus(Duration.ofDays(60)));

        String forever = as(newKey, () -> post("/v2/api-keys/refresh", "{\"apiKeyNeverExpires\": true}")).data()
                .get("apiKey").asText();
        awaitProjectionsCaughtUp();
        assertThat(as(forever, () -> get("/v2/api-keys")).data().get(0).get("expiresAt").isNull()).isTrue();
    }

    /** cal.com's MeOutput fields, as its me e2e test reads them. */
    @Test
    void me_answers_cals_me_output_fields() {
        Member user = newMember("me", "example.com");
        JsonNode me = as(user.key(), () -> get("/v2/me")).data();
        assertThat(me.get("id").asInt()).isEqualTo(user.id());
        assertThat(me.get("email").asText()).isEqualTo(user.email());
        assertThat(me.get("username").asText()).startsWith("me-");
        assertThat(me.get("timeFormat").asInt()).isEqualTo(12);
        assertThat(me.get("weekStart").asText()).isEqualTo("Sunday");
        assertThat(me.get("timeZone").asText()).isEqualTo("Europe/London");
        for (String nullable : new String[] {"name", "avatarUrl", "bio", "defaultScheduleId", "organizationId"}) {
            assertThat(me.has(nullable)).as(nullable).isTrue();
        }
        assertThat(me.has("organization")).as("cal.com leaves it out for a user in no organization").isFalse();

        Response updated = as(user.key(), () -> patch("/v2/me", """
                {"name": "Me Myself", "timeZone": "Europe/Rome", "weekStart": "Monday", "timeFormat": 24}"""));
        assertThat(updated.status().value()).isEqualTo(200);
        assertThat(updated.data().get("name").asText()).isEqualTo("Me Myself");
        assertThat(updated.data().get("timeZone").asText()).isEqualTo("Europe/Rome");
        assertThat(updated.data().get("weekStart").asText()).isEqualTo("Monday");
        assertThat(updated.data().get("timeFormat").asInt()).isEqualTo(24);
        assertThat(updated.data().has("organization")).isFalse();
    }

    /** cal.com's me e2e reads organization {id, isPlatform} for a user of an organization. */
    @Test
    void me_names_the_organization_the_caller_belongs_to_and_patch_answers_it_too() {
        Member user = newMember("orgme", "me-org-" + tag + ".com");
        Response org = post("/v2/organizations", """
                {"name": "Me Org %s", "slug": "me-org-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "me-org-%s.com"}}""".formatted(tag, tag, user.email(), tag));
        assertThat(org.status().value()).as(org.body().toString()).isEqualTo(201);
        int orgId = org.data().get("id").asInt();
        int scheduleId = as(user.key(), () -> post("/v2/schedules", """
                {"name": "Working hours", "timeZone": "Europe/London", "isDefault": true}""")).data().get("id").asInt();
        awaitProjectionsCaughtUp();

        JsonNode me = as(user.key(), () -> get("/v2/me")).data();
        assertThat(me.get("organizationId").asInt()).isEqualTo(orgId);
        assertThat(me.at("/organization/id").asInt()).isEqualTo(orgId);
        assertThat(me.at("/organization/isPlatform").isBoolean()).isTrue();
        assertThat(me.at("/organization/isPlatform").asBoolean()).isFalse();

        Response updated = as(user.key(), () -> patch("/v2/me", "{\"bio\": \"In an org\"}"));
        assertThat(updated.status().value()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.data().get("bio").asText()).isEqualTo("In an org");
        assertThat(updated.data().get("organizationId").asInt()).isEqualTo(orgId);
        assertThat(updated.data().at("/organization/id").asInt()).isEqualTo(orgId);
        assertThat(updated.data().get("defaultScheduleId").asInt())
                .as("the answer holds what other aggregates decided, as GET does").isEqualTo(scheduleId);
    }
}
