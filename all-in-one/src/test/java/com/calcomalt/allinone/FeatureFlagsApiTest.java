package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feature flags over HTTP: system admins manage them, team and organization admins set them for
 * their teams, everyone reads their own; and the disable-bookings kill switch, as a new user would
 * try it, refuses one team's bookings and no one else's, until it is turned off.
 */
class FeatureFlagsApiTest extends ApiTest {

    private static final String KILL_SWITCH = "disable-bookings";
    /** Each booking its own hour on a Monday-to-Sunday schedule, so no two meet. */
    private static final AtomicInteger HOUR = new AtomicInteger();

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private Member olga;
    private Member max;
    private Member stranger;
    private int teamA;
    private int teamB;
    private int eventTypeA;
    private int eventTypeB;

    @BeforeEach
    void teams() {
        olga = newMember("olga", "example.com");
        max = newMember("max", "example.com");
        stranger = newMember("stranger", "example.com");
        created(as(olga.key(), () -> post("/v2/schedules", """
                {"name": "Always", "timeZone": "UTC", "availability": [{"days": ["Monday", "Tuesday", "Wednesday",
                  "Thursday", "Friday", "Saturday", "Sunday"], "startTime": "00:00", "endTime": "23:59"}]}""")));
        teamA = team("a");
        teamB = team("b");
        eventTypeA = teamEventType(teamA);
        eventTypeB = teamEventType(teamB);
        int maxInA = created(as(olga.key(), () -> post("/v2/teams/" + teamA + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(max.id()))));
        assertThat(as(max.key(), () -> patch("/v2/teams/" + teamA + "/memberships/" + maxInA,
                "{\"accepted\": true}")).status().value()).isEqualTo(200);
        killSwitchExistsAndIsOn();
    }

    private int team(String name) {
        return created(as(olga.key(), () -> post("/v2/teams", """
                {"name": "Team %s", "slug": "team-%s-%s"}""".formatted(name, name, tag))));
    }

    private int teamEventType(int teamId) {
        return created(as(olga.key(), () -> post("/v2/teams/" + teamId + "/event-types", """
                {"title": "Call", "slug": "call", "lengthInMinutes": 30, "schedulingType": "COLLECTIVE",
                 "hosts": [{"userId": %d}]}""".formatted(olga.id()))));
    }

    private static int created(Response response) {
        assertThat(response.status().value()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.data().get("id").asInt();
    }

    /** Another test class may have made it already: the flag is global, its grants are per team. */
    private void killSwitchExistsAndIsOn() {
        Response made = post("/v2/admin/features", """
                {"slug": "%s", "enabled": true, "type": "KILL_SWITCH", "description": "Refuses new bookings"}"""
                .formatted(KILL_SWITCH));
        assertThat(made.status().value()).as(String.valueOf(made.body())).isIn(201, 409);
        assertThat(patch("/v2/admin/features/" + KILL_SWITCH, "{\"enabled\": true}").status().value()).isEqualTo(200);
    }

    private Response book(int eventTypeId) {
        String start = java.time.Instant.parse("2085-01-01T00:00:00Z")
                .plus(java.time.Duration.ofHours(HOUR.incrementAndGet())).toString();
        return as(stranger.key(), () -> post("/v2/bookings", """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Bo", "email": "bo-%s@example.com", "timeZone": "Europe/Berlin"}}"""
                .formatted(start, eventTypeId, tag)));
    }

    private Response setForTeam(Member caller, int teamId, String slug, boolean enabled) {
        return as(caller.key(), () -> put("/v2/teams/" + teamId + "/features/" + slug,
                "{\"enabled\": %s}".formatted(enabled)));
    }

    private List<String> featuresOf(Member member) {
        List<String> slugs = new ArrayList<>();
        awaitProjectionsCaughtUp();
        for (JsonNode feature : as(member.key(), () -> get("/v2/me/features")).data()) {
            slugs.add(feature.get("slug").asText());
        }
        return slugs;
    }

    private String newFlag(boolean enabled, String type) {
        String slug = "flag-" + tag + "-" + HOUR.incrementAndGet();
        Response made = post("/v2/admin/features", """
                {"slug": "%s", "enabled": %s, "type": "%s"}""".formatted(slug, enabled, type));
        assertThat(made.status().value()).as(String.valueOf(made.body())).isEqualTo(201);
        return slug;
    }

    @Test
    void a_kill_switch_on_a_team_refuses_its_bookings_leaves_other_teams_alone_and_off_restores_them() {
        Response before = book(eventTypeA);
        assertThat(before.status().value()).isEqualTo(201);
        String earlier = before.data().get("uid").asText();
        String toCancel = book(eventTypeA).data().get("uid").asText();

        Response on = setForTeam(olga, teamA, KILL_SWITCH, true);
        assertThat(on.status().value()).as(String.valueOf(on.body())).isEqualTo(200);
        assertThat(on.data().get("enabled").asBoolean()).isTrue();
        assertThat(on.data().get("assignedBy").asText()).isEqualTo("user:" + olga.id());

        long eventsBefore = storedEvents();
        Response refused = book(eventTypeA);
        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains(KILL_SWITCH).contains(String.valueOf(teamA));
        assertThat(storedEvents()).as("a refused booking stores nothing").isEqualTo(eventsBefore);
        assertThat(book(eventTypeB).status().value()).as("another team books on").isEqualTo(201);
        Response moved = as(olga.key(), () -> post("/v2/bookings/" + earlier + "/reschedule", """
                {"start": "2086-01-07T10:00:00Z"}"""));
        assertThat(moved.status().value()).as("a reschedule is a new booking").isEqualTo(403);
        assertThat(as(olga.key(), () -> post("/v2/bookings/" + toCancel + "/cancel", "{}")).status().value())
                .as("cancelling goes on").isEqualTo(200);

        assertThat(as(olga.key(), () -> delete("/v2/teams/" + teamA + "/features/" + KILL_SWITCH)).status().value())
                .isEqualTo(204);
        assertThat(book(eventTypeA).status().value()).as("off again, with no restart").isEqualTo(201);
    }

    @Test
    void turning_the_kill_switch_off_for_everyone_restores_bookings_and_on_again_refuses_them() {
        assertThat(setForTeam(olga, teamA, KILL_SWITCH, true).status().value()).isEqualTo(200);
        assertThat(book(eventTypeA).status().value()).isEqualTo(403);

        assertThat(patch("/v2/admin/features/" + KILL_SWITCH, "{\"enabled\": false}").status().value())
                .isEqualTo(200);
        assertThat(book(eventTypeA).status().value()).isEqualTo(201);

        assertThat(patch("/v2/admin/features/" + KILL_SWITCH, "{\"enabled\": true}").status().value())
                .isEqualTo(200);
        assertThat(book(eventTypeA).status().value()).isEqualTo(403);
        assertThat(setForTeam(olga, teamA, KILL_SWITCH, false).status().value()).isEqualTo(200);
        assertThat(book(eventTypeA).status().value()).as("the team's own refusal of the switch").isEqualTo(201);
    }

    @Test
    void an_organizations_kill_switch_reaches_its_teams_unless_a_team_refuses_it() {
        Response org = post("/v2/organizations", """
                {"name": "Acme", "slug": "acme-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "example.com"}}""".formatted(tag, olga.email()));
        int orgId = created(org);
        int subTeam = created(as(olga.key(), () -> post("/v2/organizations/" + orgId + "/teams",
                "{\"name\": \"Sub\", \"slug\": \"sub\"}")));
        int subEventType = teamEventType(subTeam);
        assertThat(setForTeam(olga, orgId, KILL_SWITCH, true).status().value()).isEqualTo(200);

        assertThat(book(subEventType).status().value()).as("inherited from the organization").isEqualTo(403);

        assertThat(setForTeam(olga, subTeam, KILL_SWITCH, false).status().value()).isEqualTo(200);
        assertThat(book(subEventType).status().value()).as("the team's explicit refusal wins").isEqualTo(201);
    }

    @Test
    void system_admins_manage_flags_and_no_one_else() {
        String slug = newFlag(false, "RELEASE");
        assertThat(awaitFound("/v2/admin/features/" + slug).data().get("type").asText()).isEqualTo("RELEASE");
        assertThat(post("/v2/admin/features", "{\"slug\": \"%s\"}".formatted(slug)).status().value())
                .as("a slug is one flag").isEqualTo(409);
        assertThat(post("/v2/admin/features", "{\"slug\": \"Not A Slug\"}").status().value()).isEqualTo(422);

        Response changed = patch("/v2/admin/features/" + slug, """
                {"enabled": true, "stale": true, "description": "Now on"}""");
        assertThat(changed.status().value()).isEqualTo(200);
        assertThat(changed.data().get("enabled").asBoolean()).isTrue();
        assertThat(changed.data().get("stale").asBoolean()).isTrue();
        assertThat(patch("/v2/admin/features/no-such-flag-" + tag, "{\"enabled\": true}").status().value())
                .isEqualTo(404);
        awaitProjectionsCaughtUp();
        assertThat(get("/v2/admin/features").data().findValuesAsText("slug")).contains(slug);

        for (Member member : List.of(olga, max)) {
            assertThat(as(member.key(), () -> post("/v2/admin/features", "{\"slug\": \"mine-%s\"}".formatted(tag)))
                    .status().value()).isEqualTo(403);
            assertThat(as(member.key(), () -> patch("/v2/admin/features/" + slug, "{\"enabled\": false}"))
                    .status().value()).isEqualTo(403);
            assertThat(as(member.key(), () -> get("/v2/admin/features")).status().value()).isEqualTo(403);
            assertThat(as(member.key(), () -> get("/v2/admin/features/" + slug)).status().value()).isEqualTo(403);
        }
    }

    @Test
    void team_admins_set_their_teams_flags_and_members_and_strangers_may_not() {
        String slug = newFlag(true, "RELEASE");
        assertThat(setForTeam(max, teamA, slug, true).status().value()).as("a plain member").isEqualTo(403);
        assertThat(setForTeam(stranger, teamA, slug, true).status().value()).as("another tenant").isEqualTo(403);
        assertThat(setForTeam(olga, 999_999_999, slug, true).status().value()).isEqualTo(404);
        assertThat(setForTeam(olga, teamA, "no-such-flag-" + tag, true).status().value()).isEqualTo(404);
        assertThat(setForTeam(olga, teamA, newFlag(true, "PERMISSION"), true).status().value())
                .as("a permission is the operator's to give").isEqualTo(403);

        assertThat(setForTeam(olga, teamA, slug, true).status().value()).isEqualTo(200);
        assertThat(as(max.key(), () -> delete("/v2/teams/" + teamA + "/features/" + slug)).status().value())
                .isEqualTo(403);
        awaitProjectionsCaughtUp();
        JsonNode grants = as(max.key(), () -> get("/v2/teams/" + teamA + "/features")).data();
        assertThat(grants.findValuesAsText("featureId")).contains(slug);
        assertThat(as(stranger.key(), () -> get("/v2/teams/" + teamA + "/features")).status().value())
                .isEqualTo(404);

        assertThat(as(olga.key(), () -> delete("/v2/teams/" + teamA + "/features/" + slug)).status().value())
                .isEqualTo(204);
        assertThat(as(olga.key(), () -> delete("/v2/teams/" + teamA + "/features/" + slug)).status().value())
                .as("nothing left to remove").isEqualTo(404);
    }

    @Test
    void me_features_lists_what_the_caller_has_through_their_teams_and_their_own_settings() {
        String viaTeam = newFlag(true, "RELEASE");
        String own = newFlag(true, "EXPERIMENT");
        String offGlobally = newFlag(false, "RELEASE");
        assertThat(setForTeam(olga, teamA, viaTeam, true).status().value()).isEqualTo(200);
        assertThat(setForTeam(olga, teamA, offGlobally, true).status().value()).isEqualTo(200);
        assertThat(put("/v2/users/" + max.id() + "/features/" + own, "{\"enabled\": true}").status().value())
                .isEqualTo(200);

        assertThat(featuresOf(max)).contains(viaTeam, own).doesNotContain(offGlobally);
        assertThat(featuresOf(stranger)).doesNotContain(viaTeam, own, offGlobally);

        assertThat(put("/v2/users/" + max.id() + "/features/" + viaTeam, "{\"enabled\": false}").status().value())
                .isEqualTo(200);
        assertThat(featuresOf(max)).as("his own refusal wins over his team's grant").doesNotContain(viaTeam);
        assertThat(delete("/v2/users/" + max.id() + "/features/" + viaTeam).status().value()).isEqualTo(204);
        assertThat(featuresOf(max)).contains(viaTeam);

        assertThat(as(olga.key(), () -> put("/v2/users/" + max.id() + "/features/" + own, "{\"enabled\": false}"))
                .status().value()).as("only system admins set a user's flags").isEqualTo(403);
        assertThat(as(max.key(), () -> delete("/v2/users/" + max.id() + "/features/" + own)).status().value())
                .isEqualTo(403);
    }
    /** Issue 16: what a system admin sets for a user reads back, for them and that user only. */
    @Test
    void a_users_own_flags_are_read_back_by_system_admins_and_the_user_and_by_no_one_else() {
        String granted = newFlag(true, "EXPERIMENT");
        String refused = newFlag(true, "RELEASE");
        assertThat(put("/v2/users/" + max.id() + "/features/" + granted, "{\"enabled\": true}").status().value())
                .isEqualTo(200);
        assertThat(put("/v2/users/" + max.id() + "/features/" + refused, "{\"enabled\": false}").status().value())
                .isEqualTo(200);

        JsonNode rows = get("/v2/users/" + max.id() + "/features").data();
        assertThat(rows.findValuesAsText("featureId")).contains(granted, refused);
        JsonNode refusal = rows.findParents("featureId").stream()
                .filter(r -> r.get("featureId").asText().equals(refused)).findFirst().orElseThrow();
        assertThat(refusal.get("enabled").asBoolean()).isFalse();
        assertThat(refusal.get("userId").asInt()).isEqualTo(max.id());
        assertThat(refusal.get("assignedBy").asText()).startsWith("user:");
        assertThat(as(max.key(), () -> get("/v2/users/" + max.id() + "/features")).data()
                .findValuesAsText("featureId")).contains(granted, refused);
        assertThat(as(olga.key(), () -> get("/v2/users/" + max.id() + "/features")).status().value())
                .as("his team's owner did not set them").isEqualTo(404);
        assertThat(as(stranger.key(), () -> get("/v2/users/" + max.id() + "/features")).status().value())
                .isEqualTo(404);

        assertThat(delete("/v2/users/" + max.id() + "/features/" + refused).status().value()).isEqualTo(204);
        assertThat(get("/v2/users/" + max.id() + "/features").data().findValuesAsText("featureId"))
                .contains(granted).doesNotContain(refused);
    }
}
