package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An organization's delegation credentials over HTTP: its admins manage them, nobody else sees them, the key stays sealed. */
class DelegationCredentialApiTest extends ApiTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String privateKey = "-----BEGIN PRIVATE KEY-----\\nMIIE" + tag + "notreallyakey\\n-----END PRIVATE KEY-----\\n";

    private Member olga;
    private Member max;
    private Member stranger;
    private int orgId;

    @BeforeEach
    void organization() {
        olga = newMember("olga", "acme-" + tag + ".com");
        max = newMember("max", "elsewhere.example");
        stranger = newMember("stranger", "elsewhere.example");
        Response org = as(ADMIN_KEY, () -> post("/v2/organizations", """
                {"name": "Acme", "slug": "acme-%s", "orgOwnerEmail": "%s",
                 "organizationSettings": {"orgAutoAcceptEmail": "acme-%s.com"}}""".formatted(tag, olga.email(), tag)));
        assertThat(org.status().value()).as(org.body().toString()).isEqualTo(201);
        orgId = org.data().get("id").asInt();
        int maxInOrg = as(olga.key(), () -> post("/v2/organizations/" + orgId + "/memberships", """
                {"userId": %d, "role": "MEMBER"}""".formatted(max.id()))).data().get("id").asInt();
        assertThat(as(max.key(), () -> patch("/v2/organizations/" + orgId + "/memberships/" + maxInOrg,
                "{\"accepted\": true}")).status().value()).isEqualTo(200);
    }

    private String googleKey(String clientId) {
        return """
                {"private_key": "%s", "client_email": "cal@acme-%s.iam.gserviceaccount.com", "client_id": "%s"}"""
                .formatted(privateKey, tag, clientId);
    }

    private Response create(String key, String domain) {
        return as(key, () -> post("/v2/organizations/" + orgId + "/delegation-credentials", """
                {"workspacePlatformSlug": "google", "domain": "%s", "serviceAccountKey": %s}"""
                .formatted(domain, googleKey("1234" + tag))));
    }

    private String path(String credentialId) {
        return "/v2/organizations/" + orgId + "/delegation-credentials" + (credentialId == null ? "" : "/" + credentialId);
    }

    @Test
    void an_organization_owner_records_lists_enables_and_disables_a_delegation_credential() {
        Response created = create(olga.key(), "Acme-" + tag + ".com");
        assertThat(created.status().value()).as(created.body().toString()).isEqualTo(201);
        JsonNode credential = created.data();
        String id = credential.get("id").asText();
        assertThat(created.location()).isEqualTo(path(id));
        assertThat(credential.get("enabled").asBoolean()).isFalse();
        assertThat(credential.get("domain").asText()).isEqualTo("acme-" + tag + ".com");
        assertThat(credential.get("organizationId").asInt()).isEqualTo(orgId);
        assertThat(credential.at("/workspacePlatform/slug").asText()).isEqualTo("google");
        assertThat(credential.at("/workspacePlatform/name").asText()).isEqualTo("Google");

        Response enabled = as(olga.key(), () -> patch(path(id), "{\"enabled\": true}"));
        assertThat(enabled.status().value()).isEqualTo(200);
        assertThat(enabled.data().get("enabled").asBoolean()).isTrue();
        assertThat(enabled.data().get("lastEnabledAt").isNull()).isFalse();

        Response rekeyed = as(olga.key(), () -> patch(path(id), """
                {"serviceAccountKey": %s}""".formatted(googleKey("5678" + tag))));
        assertThat(rekeyed.status().value()).isEqualTo(200);
        assertThat(rekeyed.data().get("enabled").asBoolean()).as("a new key disables it").isFalse();

        awaitProjectionsCaughtUp();
        JsonNode listed = as(olga.key(), () -> get(path(null))).data();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("enabled").asBoolean()).isFalse();
        assertThat(listed.get(0).get("lastDisabledAt").isNull()).isFalse();
        assertThat(as(ADMIN_KEY, () -> get(path(id))).data().get("domain").asText()).isEqualTo("acme-" + tag + ".com");
        assertThat(jdbc.queryForObject("select count(*) from \"DomainWideDelegation\" where id = ? and not enabled",
                Integer.class, id)).isEqualTo(1);

        String answers = created.body().toString() + enabled.body() + rekeyed.body() + listed
                + as(olga.key(), () -> get(path(id))).body();
        assertThat(answers).doesNotContain("notreallyakey").doesNotContain("1234" + tag).doesNotContain("private_key")
                .doesNotContain("encrypted_credentials");
        List<String> stored = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from eventstore.domain_event_entry
                where aggregate_identifier = ?""", String.class, "delegation-credential:" + id);
        assertThat(stored).hasSize(4).noneMatch(payload -> payload.contains("notreallyakey")
                || payload.contains("1234" + tag) || payload.contains("5678" + tag));
        assertThat(jdbc.queryForList("select \"serviceAccountKey\"::text from \"DelegationCredential\" where id = ?",
                String.class, id)).singleElement().asString().startsWith("{\"encrypted_credentials\": \"v1:")
                .doesNotContain("notreallyakey");
    }

    @Test
    void a_second_credential_for_the_same_domain_is_a_conflict() {
        assertThat(create(olga.key(), "dup-" + tag + ".com").status().value()).isEqualTo(201);
        long before = storedEvents();

        Response again = create(olga.key(), "DUP-" + tag + ".com");

        assertThat(again.status().value()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_plain_member_and_a_stranger_neither_see_nor_change_the_credentials() {
        String id = create(olga.key(), "acme-" + tag + ".com").data().get("id").asText();
        awaitProjectionsCaughtUp();
        long before = storedEvents();

        for (Member outsider : List.of(max, stranger)) {
            assertThat(create(outsider.key(), "other-" + tag + ".com").status().value()).isEqualTo(403);
            assertThat(as(outsider.key(), () -> patch(path(id), "{\"enabled\": true}")).status().value())
                    .isEqualTo(403);
            assertThat(as(outsider.key(), () -> get(path(null))).status().value()).isEqualTo(404);
            assertThat(as(outsider.key(), () -> get(path(id))).status().value()).isEqualTo(404);
        }

        assertThat(storedEvents()).isEqualTo(before);
        awaitProjectionsCaughtUp();
        JsonNode listed = as(olga.key(), () -> get(path(null))).data();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void bad_input_is_refused_with_a_problem_and_nothing_is_stored() {
        long before = storedEvents();
        String base = path(null);

        Response notADomain = create(olga.key(), "not a domain");
        Response noKey = as(olga.key(), () -> post(base, """
                {"workspacePlatformSlug": "google", "domain": "acme-%s.com"}""".formatted(tag)));
        Response keyWithoutEmailOrTenant = as(olga.key(), () -> post(base, """
                {"workspacePlatformSlug": "google", "domain": "acme-%s.com",
                 "serviceAccountKey": {"private_key": "k", "client_id": "c"}}""".formatted(tag)));
        Response unknownPlatform = as(olga.key(), () -> post(base, """
                {"workspacePlatformSlug": "zoho", "domain": "acme-%s.com", "serviceAccountKey": %s}"""
                .formatted(tag, googleKey("c"))));
        Response plainTeam = as(olga.key(), () -> post("/v2/organizations/999999999/delegation-credentials", """
                {"workspacePlatformSlug": "google", "domain": "acme-%s.com", "serviceAccountKey": %s}"""
                .formatted(tag, googleKey("c"))));
        Response unknownCredential = as(olga.key(), () -> patch(path("no-such-id"), "{\"enabled\": true}"));

        assertThat(notADomain.status().value()).isEqualTo(422);
        for (Response refused : List.of(noKey, keyWithoutEmailOrTenant, unknownPlatform)) {
            assertThat(refused.status().value()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(plainTeam.status().value()).isEqualTo(404);
        assertThat(unknownCredential.status().value()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }
}
