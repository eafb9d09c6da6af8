package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;
import static com.calcomalt.allinone.importing.SectionRows.maxId;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.calendar.CalendarKeys;
import com.calcomalt.contracts.calendar.CalendarColumnsImported;
import com.calcomalt.contracts.calendar.CalendarColumnsImported.SelectedCalendarColumns;
import com.calcomalt.contracts.calendar.CalendarConnected;
import com.calcomalt.contracts.calendar.CalendarCredentialInvalidated;
import com.calcomalt.contracts.calendar.CalendarIds;
import com.calcomalt.contracts.calendar.CalendarSelected;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.calendar.DestinationCalendarColumnsImported;
import com.calcomalt.contracts.calendar.DestinationCalendarSet;
import com.calcomalt.platform.secrets.SecretBox;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's calendar accounts of the apps we connect (CalDAV, Apple, ICS feeds), with their selected and
 * destination calendars. cal.com encrypts these keys with its {@code CALENDSO_ENCRYPTION_KEY} (AES-256-CBC,
 * "iv:ciphertext" in hex); the import opens them with that key, read from the environment as cal.com reads
 * it, and seals them as ours are. Without the key, or for apps we do not connect, the accounts wait. The columns
 * no command of ours sets (an account's billing, a selected calendar's channels and sync state, a destination's
 * reminder, the delegation credentials of both) follow in {@link CalendarColumnsImported} and
 * {@link DestinationCalendarColumnsImported}; the section runs after the delegation credentials they may name.
 */
@Component
@Order(142)
class CredentialImport implements ImportSection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretBox secrets;
    private final String calcomKey;

    CredentialImport(SecretBox secrets, @Value("${CALENDSO_ENCRYPTION_KEY:}") String calcomKey) {
        this.secrets = secrets;
        this.calcomKey = calcomKey;
    }

    private record Account(int credentialId, String integration, Integer userId, Instant at,
                           Integer billingCycleStart, String paymentStatus, String subscriptionId) {
    }

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<RuleBreak> breaks = new ArrayList<>();
        List<RuleBreak> deferred = new ArrayList<>();
        // The calendars an account is known to hold: those its user selected or writes to.
        Map<Integer, List<ConnectedCalendar>> calendars = new LinkedHashMap<>();
        each(source, """
                select "credentialId", "externalId" from "SelectedCalendar" where "credentialId" is not null
                union select "credentialId", "externalId" from "DestinationCalendar" where "credentialId" is not null
                order by 1, 2""", row -> calendars.computeIfAbsent(row.getInt(1), c -> new ArrayList<>())
                .add(new ConnectedCalendar(row.getString(2), row.getString(2), false, null)));
        Map<Integer, Account> accounts = new LinkedHashMap<>();
        List<Pending> events = new ArrayList<>();
        each(source, """
                select id, type, key #>> '{}' as sealed, jsonb_typeof(key) as kind, "userId", "teamId", "appId",
                       coalesce(invalid, false) as invalid, "delegationCredentialId", "billingCycleStart",
                       "paymentStatus", "subscriptionId"
                from "Credential" order by id""", row -> {
            int id = row.getInt("id");
            String type = row.getString("type");
            Integer userId = integer(row, "userId");
            Integer teamId = integer(row, "teamId");
            if (CalendarKeys.App.byType(type).isEmpty() || row.getString("delegationCredentialId") != null) {
                deferred.add(new RuleBreak("Credential", id, "a " + type + " account"
                        + (row.getString("delegationCredentialId") != null ? " through a delegation credential" : "")
                        + "; not connected by this system"));
                return;
            }
            if ((userId == null) == (teamId == null)) {
                breaks.add(new RuleBreak("Credential", id, "belongs to a user or a team, not to both or neither"));
                return;
            }
            if ((userId != null && !imported.userRegisteredAt().containsKey(userId))
                    || (teamId != null && !imported.teamIds().contains(teamId))) {
                breaks.add(new RuleBreak("Credential", id, "user " + userId + " or team " + teamId
                        + " is not imported"));
                return;
            }
            if (calcomKey.isBlank()) {
                deferred.add(new RuleBreak("Credential", id, "its key is encrypted with cal.com's"
                        + " CALENDSO_ENCRYPTION_KEY, which was not given"));
                return;
            }
            String plaintext = "string".equals(row.getString("kind")) ? open(row.getString("sealed")) : null;
            if (plaintext == null) {
                breaks.add(new RuleBreak("Credential", id, "key does not open with CALENDSO_ENCRYPTION_KEY"));
                return;
            }
            // cal.com keeps no time of an account; its owner's registration stands in (a team's: the epoch).
            Instant at = userId != null ? imported.userRegisteredAt().get(userId) : Instant.EPOCH;
            String aggregate = CalendarIds.credential(id);
            events.add(new Pending("CalendarCredential", aggregate, new CalendarConnected(id, type,
                    row.getString("appId"), userId, teamId, secrets.seal(plaintext),
                    calendars.getOrDefault(id, List.of()), at), at));
            if (row.getBoolean("invalid")) {
                events.add(new Pending("CalendarCredential", aggregate, new CalendarCredentialInvalidated(id, userId,
                        teamId, "imported as invalid", at), at));
            }
            accounts.put(id, new Account(id, type, userId, at, integer(row, "billingCycleStart"),
                    row.getString("paymentStatus"), row.getString("subscriptionId")));
        });
        int[] selected = {0};
        Map<Integer, List<SelectedCalendarColumns>> selectedColumns = new LinkedHashMap<>();
        each(source, """
                select id, "userId", integration, "externalId", "credentialId", "eventTypeId", "createdAt",
                       "googleChannelExpiration", "googleChannelId", "googleChannelKind", "googleChannelResourceId",
                       "googleChannelResourceUri", "domainWideDelegationCredentialId", error, "channelId",
                       "channelKind", "channelResourceId", "channelResourceUri", "channelExpiration",
                       "syncSubscribedAt", "syncToken", "syncedAt", "syncErrorAt", "syncErrorCount",
                       "delegationCredentialId", "lastErrorAt", "maxAttempts", "unwatchAttempts", "watchAttempts",
                       "updatedAt"
                from "SelectedCalendar" order by id""", row -> {
            String id = row.getString("id");
            Integer credentialId = integer(row, "credentialId");
            Integer eventTypeId = integer(row, "eventTypeId");
            int userId = row.getInt("userId");
            Account account = credentialId == null ? null : accounts.get(credentialId);
            if (account == null) {
                left(breaks, deferred, "SelectedCalendar", id, credentialId);
                return;
            }
            if (eventTypeId != null && !imported.eventTypeIds().contains(eventTypeId)) {
                deferred.add(new RuleBreak("SelectedCalendar", id, "event type " + eventTypeId + " (EventType)"));
                return;
            }
            if (!imported.userRegisteredAt().containsKey(userId)) {
                breaks.add(new RuleBreak("SelectedCalendar", id, "user " + userId + " is not imported"));
                return;
            }
            Instant at = instant(row.getTimestamp("createdAt"));
            at = at == null ? account.at() : at;
            events.add(new Pending("CalendarCredential", CalendarIds.credential(credentialId), new CalendarSelected(
                    credentialId, id, userId, row.getString("integration"), row.getString("externalId"), eventTypeId,
                    at), at));
            selectedColumns.computeIfAbsent(credentialId, c -> new ArrayList<>()).add(new SelectedCalendarColumns(id,
                    row.getString("googleChannelExpiration"), row.getString("googleChannelId"),
                    row.getString("googleChannelKind"), row.getString("googleChannelResourceId"),
                    row.getString("googleChannelResourceUri"), row.getString("domainWideDelegationCredentialId"),
                    row.getString("error"), row.getString("channelId"), row.getString("channelKind"),
                    row.getString("channelResourceId"), row.getString("channelResourceUri"),
                    instant(row.getTimestamp("channelExpiration")), instant(row.getTimestamp("syncSubscribedAt")),
                    row.getString("syncToken"), instant(row.getTimestamp("syncedAt")),
                    instant(row.getTimestamp("syncErrorAt")), integer(row, "syncErrorCount"),
                    row.getString("delegationCredentialId"), instant(row.getTimestamp("lastErrorAt")),
                    row.getInt("maxAttempts"), row.getInt("unwatchAttempts"), row.getInt("watchAttempts"),
                    instant(row.getTimestamp("createdAt")), instant(row.getTimestamp("updatedAt"))));
            selected[0]++;
        });
        for (Account account : accounts.values()) {
            List<SelectedCalendarColumns> calendarColumns = selectedColumns.getOrDefault(account.credentialId(),
                    List.of());
            if (account.billingCycleStart() != null || account.paymentStatus() != null
                    || account.subscriptionId() != null || !calendarColumns.isEmpty()) {
                events.add(new Pending("CalendarCredential", CalendarIds.credential(account.credentialId()),
                        new CalendarColumnsImported(account.credentialId(), account.billingCycleStart(),
                                account.paymentStatus(), account.subscriptionId(), calendarColumns, account.at()),
                        account.at()));
            }
        }
        int[] destinations = {0};
        each(source, """
                select id, "userId", "eventTypeId", integration, "externalId", "credentialId", "primaryEmail",
                       "createdAt", "updatedAt", "domainWideDelegationCredentialId", "delegationCredentialId",
                       "customCalendarReminder"
                from "DestinationCalendar" order by id""", row -> {
            int id = row.getInt("id");
            Integer userId = integer(row, "userId");
            Integer eventTypeId = integer(row, "eventTypeId");
            Integer credentialId = integer(row, "credentialId");
            Account account = credentialId == null ? null : accounts.get(credentialId);
            if (account == null) {
                left(breaks, deferred, "DestinationCalendar", String.valueOf(id), credentialId);
                return;
            }
            if (eventTypeId != null && !imported.eventTypeIds().contains(eventTypeId)) {
                deferred.add(new RuleBreak("DestinationCalendar", id, "event type " + eventTypeId + " (EventType)"));
                return;
            }
            if (eventTypeId == null && (userId == null || !imported.userRegisteredAt().containsKey(userId))) {
                breaks.add(new RuleBreak("DestinationCalendar", id, "user " + userId + " is not imported"));
                return;
            }
            Instant created = instant(row.getTimestamp("createdAt"));
            created = created == null ? account.at() : created;
            Instant updated = instant(row.getTimestamp("updatedAt"));
            String aggregate = CalendarIds.destination(userId, eventTypeId);
            String integration = row.getString("integration");
            String externalId = row.getString("externalId");
            String email = row.getString("primaryEmail");
            events.add(new Pending("DestinationCalendar", aggregate, new DestinationCalendarSet(id, userId,
                    eventTypeId, integration, externalId, credentialId, email, created), created));
            // The row keeps its first time and its last change, as a later setting would leave them.
            if (updated != null && !updated.equals(created)) {
                events.add(new Pending("DestinationCalendar", aggregate, new DestinationCalendarSet(id, userId,
                        eventTypeId, integration, externalId, credentialId, email, updated), updated));
            }
            String domainWide = row.getString("domainWideDelegationCredentialId");
            String delegation = row.getString("delegationCredentialId");
            Integer reminder = integer(row, "customCalendarReminder");
            if (domainWide != null || delegation != null || reminder != null) {
                Instant last = updated != null ? updated : created;
                events.add(new Pending("DestinationCalendar", aggregate, new DestinationCalendarColumnsImported(id,
                        domainWide, delegation, reminder, last), last));
            }
            destinations[0]++;
        });
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("Credential", accounts.size());
        rows.put("SelectedCalendar", selected[0]);
        rows.put("DestinationCalendar", destinations[0]);
        return new Result(rows, events, breaks, deferred, Map.of("Credential", maxId(source, "Credential"),
                "DestinationCalendar", maxId(source, "DestinationCalendar")));
    }

    /**
     * Credential.key as the compare opens it on each side: cal.com's with its key, ours with our box (or cal.com's
     * key, when both databases are cal.com's); none without cal.com's key (then no account is imported).
     */
    List<TableCompare.Sealed> sealedKeys() {
        return sealedKeys(calcomKey, secrets);
    }

    static List<TableCompare.Sealed> sealedKeys(String calcomKey, SecretBox secrets) {
        if (calcomKey == null || calcomKey.isBlank()) {
            return List.of();
        }
        return List.of(new TableCompare.Sealed("Credential", "key", text -> open(text, calcomKey), sealed -> {
            try {
                return secrets.open(sealed);
            } catch (SecretBox.SecretUnreadable e) {
                // Two cal.com databases: the other side's key is cal.com's too.
                return open(sealed, calcomKey);
            }
        }));
    }

    /** A calendar of an account left out goes with it, into the same list. */
    private static void left(List<RuleBreak> breaks, List<RuleBreak> deferred, String table, String id,
                             Integer credentialId) {
        RuleBreak row = new RuleBreak(table, id, "account (Credential) " + credentialId + " is not imported");
        String key = String.valueOf(credentialId);
        if (credentialId != null && deferred.stream().anyMatch(d -> d.table().equals("Credential")
                && d.id().equals(key))) {
            deferred.add(row);
        } else {
            breaks.add(row);
        }
    }

    private String open(String encrypted) {
        return open(encrypted, calcomKey);
    }

    /** cal.com's symmetricDecrypt; null when the key does not open it. */
    private static String open(String encrypted, String calcomKey) {
        int colon = encrypted == null ? -1 : encrypted.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(calcomKey.getBytes(StandardCharsets.ISO_8859_1),
                    "AES"), new IvParameterSpec(HexFormat.of().parseHex(encrypted.substring(0, colon))));
            String plaintext = new String(cipher.doFinal(HexFormat.of().parseHex(encrypted.substring(colon + 1))),
                    StandardCharsets.UTF_8);
            JSON.readTree(plaintext);
            return plaintext;
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
