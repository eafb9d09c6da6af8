package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.secrets.SecretBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The source rows of CalcomImportTest for delegation credentials: organization 2's, with their DomainWideDelegation
 * twins; then the rule breakers. The checks run as a system admin, who manages any organization's.
 */
final class CalcomImportDelegationRows {

    /** cal.com's CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY of the source installation. */
    static final String SERVICE_ACCOUNT_KEY = "calcom-service-account-key-32ch!";

    static final List<String> PLANTED = List.of(
            "DelegationCredential\tdc-team\torganization 20 is not imported or not an organization",
            "DelegationCredential\tdc-bad-key\tservice account key does not open",
            "DomainWideDelegation\tdwd-alone\tour DomainWideDelegation mirrors DelegationCredential");

    static final String IMPORTED = "DelegationCredential=2, DomainWideDelegation=2";

    static final String[] COMPARED = {
        String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)",
                "DelegationCredential", 4, 2, 2),
        String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)",
                "DomainWideDelegation", 3, 2, 1)};

    private CalcomImportDelegationRows() {
    }

    /** As cal.com's encryptServiceAccountKey stores a key: its public part, the private key sealed. */
    private static String stored(String publicPart, String privateKey, String key) {
        return publicPart.replace("}", ", \"encrypted_credentials\": \"" + CalcomImportAutomationRows.calcomEncrypt(
                "{\"private_key\":\"" + privateKey + "\"}", key) + "\"}");
    }

    static void fill(JdbcTemplate db) {
        System.setProperty("CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY", SERVICE_ACCOUNT_KEY);
        String google = stored("{\"client_email\": \"sa@acme.iam.example\", \"client_id\": \"1001\"}", "google-pk",
                SERVICE_ACCOUNT_KEY);
        String microsoft = stored("{\"client_id\": \"2002\", \"tenant_id\": \"tenant-7\"}", "ms-secret",
                SERVICE_ACCOUNT_KEY);
        String team = stored("{\"client_email\": \"sa@team.example\", \"client_id\": \"3\"}", "pk", SERVICE_ACCOUNT_KEY);
        String badKey = stored("{\"client_email\": \"sa@bad.example\", \"client_id\": \"4\"}", "pk",
                "another-key-of-thirty-two-chars!");
        // Enabled once and still; enabled, disabled, and later given a new key; a team that is no organization.
        db.update("""
                insert into "DelegationCredential" (id, "workspacePlatformId", "serviceAccountKey", enabled,
                        "organizationId", domain, "createdAt", "updatedAt", "lastEnabledAt", "lastDisabledAt")
                values ('dc-google', 1, ?::jsonb, true, 2, 'acme.example', now() - interval '30 days',
                        now() - interval '29 days', now() - interval '29 days', null),
                       ('dc-ms', 2, ?::jsonb, false, 2, 'contoso.example', now() - interval '20 days',
                        now() - interval '5 days', now() - interval '19 days', now() - interval '10 days'),
                       ('dc-team', 1, ?::jsonb, false, 20, 'team.example', now() - interval '8 days',
                        now() - interval '8 days', null, null),
                       ('dc-bad-key', 1, ?::jsonb, false, 3, 'bad.example', now() - interval '7 days',
                        now() - interval '7 days', null, null)""", google, microsoft, team, badKey);
        db.execute("""
                insert into "DomainWideDelegation" (id, "workspacePlatformId", "serviceAccountKey", enabled,
                        "organizationId", domain, "createdAt", "updatedAt")
                select id, "workspacePlatformId", "serviceAccountKey", enabled, "organizationId", domain, "createdAt",
                       "updatedAt"
                from "DelegationCredential" where id in ('dc-google', 'dc-ms');
                insert into "DomainWideDelegation" (id, "workspacePlatformId", "serviceAccountKey", enabled,
                        "organizationId", domain, "createdAt", "updatedAt")
                values ('dwd-alone', 1, '{}', true, 1, 'old.example', now() - interval '400 days',
                        now() - interval '400 days')""");
    }

    static void forgetKey() {
        System.clearProperty("CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY");
    }

    /**
     * The imported credentials are the organization's as natively made ones are: listed, their key opened with ours,
     * enabled by a new command; their domains are taken, and a new credential is made beside them.
     */
    static void stillWork(ConfigurableApplicationContext context, String adminKey) throws Exception {
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        String sealed = context.getBean(JdbcTemplate.class).queryForObject("""
                select "serviceAccountKey" ->> 'encrypted_credentials' from "DelegationCredential"
                where id = 'dc-ms'""", String.class);
        JsonNode key = json.readTree(context.getBean(SecretBox.class).open(sealed));
        assertThat(key.get("private_key").asText()).as("opened with cal.com's key, sealed with ours")
                .isEqualTo("ms-secret");
        assertThat(key.get("tenant_id").asText()).isEqualTo("tenant-7");

        HttpResponse<String> listed = send(http, base, adminKey, "GET",
                "/v2/organizations/2/delegation-credentials", null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains("dc-google", "acme.example", "dc-ms", "contoso.example")
                .doesNotContain("google-pk", "ms-secret");

        HttpResponse<String> enabled = send(http, base, adminKey, "PATCH",
                "/v2/organizations/2/delegation-credentials/dc-ms", "{\"enabled\": true}");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(json.readTree(enabled.body()).at("/data/enabled").asBoolean()).isTrue();

        String newKey = """
                {"private_key": "pk", "client_email": "sa@x.example", "client_id": "9"}""";
        HttpResponse<String> taken = send(http, base, adminKey, "POST",
                "/v2/organizations/2/delegation-credentials", """
                {"workspacePlatformSlug": "google", "domain": "acme.example", "serviceAccountKey": %s}"""
                .formatted(newKey));
        assertThat(taken.statusCode()).as("an imported domain is taken: " + taken.body()).isEqualTo(409);
        HttpResponse<String> fresh = send(http, base, adminKey, "POST",
                "/v2/organizations/2/delegation-credentials", """
                {"workspacePlatformSlug": "google", "domain": "fresh.example", "serviceAccountKey": %s}"""
                .formatted(newKey));
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
    }

    private static HttpResponse<String> send(HttpClient http, String base, String key, String method, String path,
                                             String body) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
