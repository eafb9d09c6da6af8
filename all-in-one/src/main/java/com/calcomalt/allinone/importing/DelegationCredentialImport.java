package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.calendar.DelegationCredentialCreated;
import com.calcomalt.contracts.calendar.DelegationCredentialDisabled;
import com.calcomalt.contracts.calendar.DelegationCredentialEnabled;
import com.calcomalt.contracts.calendar.DelegationCredentialIds;
import com.calcomalt.contracts.calendar.DelegationCredentialKeyChanged;
import com.calcomalt.contracts.calendar.DelegationWorkspacePlatform;
import com.calcomalt.platform.secrets.SecretBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's delegation credentials, with their ids and times. cal.com keeps a service account key as its public
 * part with {@code encrypted_credentials}: the private key, sealed by symmetricEncrypt under
 * {@code CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY} (not CALENDSO_ENCRYPTION_KEY). The import opens it with that key,
 * read from the environment as cal.com reads it, and seals the whole key as ours are sealed. Our
 * DomainWideDelegation table mirrors DelegationCredential, so a cal.com DomainWideDelegation row is imported with
 * its twin of the same id and values; one without such a twin cannot be kept and is reported.
 */
@Component
@Order(140)
class DelegationCredentialImport implements ImportSection {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The rule our DelegationCredential keeps for a domain, as it keeps it: lower case. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private final SecretBox secrets;
    private final String calcomKey;

    DelegationCredentialImport(SecretBox secrets,
                               @Value("${CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY:}") String calcomKey) {
        this.secrets = secrets;
        this.calcomKey = calcomKey;
    }

    /** The columns both tables share, to find a DomainWideDelegation row's twin. */
    private record Shared(int workspacePlatformId, boolean enabled, int organizationId, String domain,
                          Instant createdAt, Instant updatedAt) {
    }

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        List<RuleBreak> deferred = new ArrayList<>();
        Map<String, Shared> kept = new HashMap<>();
        each(source, """
                select id, "workspacePlatformId", "serviceAccountKey"::text as key, enabled, "organizationId", domain,
                       "createdAt", "updatedAt", "lastEnabledAt", "lastDisabledAt"
                from "DelegationCredential" order by id""", row -> {
            String id = row.getString("id");
            int organizationId = row.getInt("organizationId");
            int platform = row.getInt("workspacePlatformId");
            String domain = row.getString("domain");
            boolean enabled = row.getBoolean("enabled");
            Instant created = instant(row.getTimestamp("createdAt"));
            Instant updated = instant(row.getTimestamp("updatedAt"));
            Instant lastEnabled = instant(row.getTimestamp("lastEnabledAt"));
            Instant lastDisabled = instant(row.getTimestamp("lastDisabledAt"));
            if (!imported.organizationIds().contains(organizationId)) {
                breaks.add(new RuleBreak("DelegationCredential", id, "organization " + organizationId
                        + " is not imported or not an organization"));
                return;
            }
            if (DelegationWorkspacePlatform.byId(platform).isEmpty()) {
                breaks.add(new RuleBreak("DelegationCredential", id, "workspace platform " + platform
                        + " is neither Google (1) nor Microsoft 365 (2)"));
                return;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                breaks.add(new RuleBreak("DelegationCredential", id, "domain '" + domain
                        + "' is not a domain name in lower case"));
                return;
            }
            if (enabled ? lastEnabled == null : lastEnabled != null && lastDisabled == null) {
                breaks.add(new RuleBreak("DelegationCredential", id, "enabled " + enabled + " but lastEnabledAt "
                        + lastEnabled + " and lastDisabledAt " + lastDisabled + " tell otherwise"));
                return;
            }
            if (calcomKey.isBlank()) {
                deferred.add(new RuleBreak("DelegationCredential", id, "its key is encrypted with cal.com's"
                        + " CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY, which was not given"));
                return;
            }
            String key = open(row.getString("key"), calcomKey);
            if (key == null) {
                breaks.add(new RuleBreak("DelegationCredential", id, "service account key does not open with"
                        + " CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY or lacks client_id, private_key and client_email"
                        + " or tenant_id"));
                return;
            }
            String sealed = secrets.seal(key);
            String aggregate = DelegationCredentialIds.aggregateId(id);
            events.add(new Pending("DelegationCredential", aggregate, new DelegationCredentialCreated(id,
                    organizationId, platform, domain, sealed, created), created));
            // Enabling and disabling in the order their last times tell; each keeps only its last time.
            Instant last = created;
            if (lastEnabled != null && (lastDisabled == null || !enabled)) {
                events.add(new Pending("DelegationCredential", aggregate, new DelegationCredentialEnabled(id,
                        organizationId, lastEnabled), lastEnabled));
                last = lastEnabled;
            }
            if (lastDisabled != null) {
                events.add(new Pending("DelegationCredential", aggregate, new DelegationCredentialDisabled(id,
                        organizationId, lastDisabled), lastDisabled));
                last = lastDisabled;
            }
            if (enabled && lastDisabled != null) {
                events.add(new Pending("DelegationCredential", aggregate, new DelegationCredentialEnabled(id,
                        organizationId, lastEnabled), lastEnabled));
                last = lastEnabled;
            }
            Instant finalUpdate = updated;
            if (updated != null && !updated.equals(last)) {
                // A change cal.com recorded after the last one we know: its key, as the same key sealed again.
                events.add(new Pending("DelegationCredential", aggregate, new DelegationCredentialKeyChanged(id,
                        organizationId, sealed, updated), updated));
            } else {
                finalUpdate = last;
            }
            kept.put(id, new Shared(platform, enabled, organizationId, domain, created, finalUpdate));
        });
        int[] mirrored = {0};
        each(source, """
                select id, "workspacePlatformId", enabled, "organizationId", domain, "createdAt", "updatedAt"
                from "DomainWideDelegation" order by id""", row -> {
            String id = row.getString("id");
            Shared twin = kept.get(id);
            Shared own = new Shared(row.getInt("workspacePlatformId"), row.getBoolean("enabled"),
                    row.getInt("organizationId"), row.getString("domain"), instant(row.getTimestamp("createdAt")),
                    instant(row.getTimestamp("updatedAt")));
            if (!Objects.equals(twin, own)) {
                breaks.add(new RuleBreak("DomainWideDelegation", id, "our DomainWideDelegation mirrors"
                        + " DelegationCredential, and no imported DelegationCredential has this id and these values"));
                return;
            }
            mirrored[0]++;
        });
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("DelegationCredential", kept.size());
        rows.put("DomainWideDelegation", mirrored[0]);
        return new Result(rows, events, breaks, deferred, Map.of());
    }

    /**
     * serviceAccountKey of both tables as the compare opens it on each side: cal.com's with its key, ours with our
     * box (or cal.com's key, when both databases are cal.com's); none without cal.com's key (then no delegation
     * credential is imported).
     */
    List<TableCompare.Sealed> sealedKeys() {
        return sealedKeys(calcomKey, secrets);
    }

    static List<TableCompare.Sealed> sealedKeys(String calcomKey, SecretBox secrets) {
        if (calcomKey == null || calcomKey.isBlank()) {
            return List.of();
        }
        UnaryOperator<String> ours = stored -> {
            try {
                JsonNode sealed = JSON.readTree(stored).get("encrypted_credentials");
                return sealed == null || !sealed.isTextual() ? null : secrets.open(sealed.asText());
            } catch (SecretBox.SecretUnreadable e) {
                // Two cal.com databases: the other side's key is cal.com's too.
                return open(stored, calcomKey);
            } catch (java.io.IOException e) {
                return null;
            }
        };
        return List.of(new TableCompare.Sealed("DelegationCredential", "serviceAccountKey",
                        stored -> open(stored, calcomKey), ours),
                new TableCompare.Sealed("DomainWideDelegation", "serviceAccountKey",
                        stored -> open(stored, calcomKey), ours));
    }

    /**
     * cal.com's decryptServiceAccountKey, then the whole key as our API seals it; null when it does not open or is
     * not a Google or Microsoft key.
     */
    private static String open(String stored, String calcomKey) {
        try {
            JsonNode key = JSON.readTree(stored);
            JsonNode encrypted = key.get("encrypted_credentials");
            if (encrypted == null || !encrypted.isTextual()) {
                return null;
            }
            String text = encrypted.asText();
            int colon = text.indexOf(':');
            if (colon < 0) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(calcomKey.getBytes(StandardCharsets.ISO_8859_1),
                    "AES"), new IvParameterSpec(HexFormat.of().parseHex(text.substring(0, colon))));
            JsonNode secret = JSON.readTree(new String(cipher.doFinal(HexFormat.of().parseHex(
                    text.substring(colon + 1))), StandardCharsets.UTF_8));
            ObjectNode whole = JSON.createObjectNode();
            whole.set("private_key", secret.get("private_key"));
            whole.set("client_email", key.get("client_email"));
            whole.set("client_id", key.get("client_id"));
            whole.set("tenant_id", key.get("tenant_id"));
            boolean keyed = text(whole, "private_key") && text(whole, "client_id")
                    && (text(whole, "client_email") || text(whole, "tenant_id"));
            return keyed ? JSON.writeValueAsString(whole) : null;
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static boolean text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank();
    }
}
