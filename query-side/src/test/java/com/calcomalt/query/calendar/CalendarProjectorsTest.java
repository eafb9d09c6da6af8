package com.calcomalt.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.calendar.CalendarColumnsImported;
import com.calcomalt.contracts.calendar.CalendarConnected;
import com.calcomalt.contracts.calendar.CalendarCredentialInvalidated;
import com.calcomalt.contracts.calendar.CalendarDeselected;
import com.calcomalt.contracts.calendar.CalendarDisconnected;
import com.calcomalt.contracts.calendar.CalendarIds;
import com.calcomalt.contracts.calendar.CalendarSelected;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.calendar.DestinationCalendarColumnsImported;
import com.calcomalt.contracts.calendar.DestinationCalendarSet;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.query.support.QuerySideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Calendar events through the event store and the real processor into cal.com's calendar tables. */
class CalendarProjectorsTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2026-03-29T00:59:59.250Z");
    private static final Instant T1 = Instant.parse("2026-03-29T01:00:00.500Z");
    private static final String SEALED = "v1:c2VhbGVkIGxvZ2lu";
    private static final String WORK = "http://dav.example.com/ann/work/";
    private static final String HOME = "http://dav.example.com/ann/home/";

    private int user() {
        int id = uniqueId();
        publish("User", "user:" + id, new UserRegistered(id, UUID.randomUUID(), "c" + id + "@example.com", "c" + id,
                null, "Europe/Berlin", "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2, T0));
        return id;
    }

    private int connected(int userId) {
        int credentialId = uniqueId();
        publish("CalendarCredential", CalendarIds.credential(credentialId), new CalendarConnected(credentialId,
                "caldav_calendar", "caldav-calendar", userId, null, SEALED,
                List.of(new ConnectedCalendar(WORK, "Work", false, "ann@example.com"),
                        new ConnectedCalendar(HOME, "Home", true, null)), T0));
        return credentialId;
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void an_account_its_selections_and_destination_are_projected_column_for_column() {
        int ann = user();
        int credentialId = connected(ann);
        String selected = UUID.randomUUID().toString();
        int destination = uniqueId();
        publish("CalendarCredential", CalendarIds.credential(credentialId),
                new CalendarSelected(credentialId, selected, ann, "caldav_calendar", WORK, null, T1));
        publish("DestinationCalendar", CalendarIds.destination(ann, null),
                new DestinationCalendarSet(destination, ann, null, "caldav_calendar", WORK, credentialId,
                        "ann@example.com", T0));
        awaitProjectionsCaughtUp();

        Map<String, Object> credential = jdbc.queryForMap("""
                select type, key::text as key, "userId", "appId", invalid, "teamId", "billingCycleStart",
                       "paymentStatus", "subscriptionId", "delegationCredentialId"
                from "Credential" where id = ?""", credentialId);
        assertThat(credential).containsEntry("type", "caldav_calendar").containsEntry("key", "\"" + SEALED + "\"")
                .containsEntry("userId", ann).containsEntry("appId", "caldav-calendar")
                .containsEntry("invalid", false).containsEntry("teamId", null)
                .containsEntry("delegationCredentialId", null);
        assertThat(jdbc.queryForList("""
                select "externalId" from query_side.credential_calendars where "credentialId" = ? order by position""",
                String.class, credentialId)).containsExactly(WORK, HOME);

        Map<String, Object> selection = jdbc.queryForMap("""
                select "userId", integration, "externalId", "credentialId", "eventTypeId", "createdAt"::text as created,
                       "updatedAt"::text as updated, "maxAttempts", "syncErrorCount", "googleChannelId"
                from "SelectedCalendar" where id = ?""", selected);
        assertThat(selection).containsEntry("userId", ann).containsEntry("integration", "caldav_calendar")
                .containsEntry("externalId", WORK).containsEntry("credentialId", credentialId)
                .containsEntry("eventTypeId", null).containsEntry("created", "2026-03-29 01:00:00.5")
                .containsEntry("maxAttempts", 3).containsEntry("syncErrorCount", 0);

        Map<String, Object> dest = jdbc.queryForMap("""
                select integration, "externalId", "userId", "eventTypeId", "credentialId", "primaryEmail",
                       "createdAt"::text as created, "updatedAt"::text as updated
                from "DestinationCalendar" where id = ?""", destination);
        assertThat(dest).containsEntry("integration", "caldav_calendar").containsEntry("externalId", WORK)
                .containsEntry("userId", ann).containsEntry("eventTypeId", null)
                .containsEntry("credentialId", credentialId).containsEntry("primaryEmail", "ann@example.com")
                .containsEntry("created", "2026-03-29 00:59:59.25");

        publish("DestinationCalendar", CalendarIds.destination(ann, null),
                new DestinationCalendarSet(destination, ann, null, "caldav_calendar", HOME, credentialId, null, T1));
        publish("CalendarCredential", CalendarIds.credential(credentialId),
                new CalendarCredentialInvalidated(credentialId, ann, null, "401", T1),
                new CalendarDeselected(credentialId, selected, ann, "caldav_calendar", WORK, null, T1));
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForMap("""
                select "externalId", "createdAt"::text as created, "updatedAt"::text as updated
                from "DestinationCalendar" where id = ?""", destination))
                .containsEntry("externalId", HOME).containsEntry("created", "2026-03-29 00:59:59.25")
                .containsEntry("updated", "2026-03-29 01:00:00.5");
        assertThat(count("select count(*) from \"Credential\" where id = ? and invalid", credentialId)).isOne();
        assertThat(count("select count(*) from \"SelectedCalendar\" where id = ?", selected)).isZero();
    }

    @Test
    void imported_columns_no_command_sets_are_written_and_a_later_setting_leaves_them() {
        int ann = user();
        int credentialId = connected(ann);
        String selected = UUID.randomUUID().toString();
        int destination = uniqueId();
        Instant synced = Instant.parse("2026-03-28T10:00:00.125Z");
        publish("CalendarCredential", CalendarIds.credential(credentialId),
                new CalendarSelected(credentialId, selected, ann, "caldav_calendar", WORK, null, T1),
                new CalendarColumnsImported(credentialId, 12, "active", "sub_1", List.of(
                        new CalendarColumnsImported.SelectedCalendarColumns(selected, "1767225600000", "gch",
                                "api#channel", "gres", "https://google.example/res", "dwd-gone", "invalid_grant",
                                "ch", "web_hook", "res", "https://dav.example.com/watch", synced, synced, "tok",
                                synced, synced, 2, null, synced, 5, 1, 4, T0, synced)), T1));
        publish("DestinationCalendar", CalendarIds.destination(ann, null),
                new DestinationCalendarSet(destination, ann, null, "caldav_calendar", WORK, credentialId,
                        "ann@example.com", T0),
                new DestinationCalendarColumnsImported(destination, null, "dc-gone", 30, T0));
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForMap("""
                select "billingCycleStart", "paymentStatus", "subscriptionId" from "Credential" where id = ?""",
                credentialId)).containsEntry("billingCycleStart", 12).containsEntry("paymentStatus", "active")
                .containsEntry("subscriptionId", "sub_1");
        assertThat(jdbc.queryForMap("""
                select "googleChannelId", "googleChannelResourceUri", error, "channelKind", "syncToken",
                       "syncedAt"::text as synced, "syncErrorCount", "maxAttempts", "unwatchAttempts",
                       "watchAttempts", "createdAt"::text as created, "updatedAt"::text as updated,
                       "domainWideDelegationCredentialId", "delegationCredentialId"
                from "SelectedCalendar" where id = ?""", selected))
                .containsEntry("googleChannelId", "gch")
                .containsEntry("googleChannelResourceUri", "https://google.example/res")
                .containsEntry("error", "invalid_grant").containsEntry("channelKind", "web_hook")
                .containsEntry("syncToken", "tok").containsEntry("synced", "2026-03-28 10:00:00.125")
                .containsEntry("syncErrorCount", 2).containsEntry("maxAttempts", 5)
                .containsEntry("unwatchAttempts", 1).containsEntry("watchAttempts", 4)
                .containsEntry("created", "2026-03-29 00:59:59.25").containsEntry("updated", "2026-03-28 10:00:00.125")
                .as("a delegation credential that has no row is left out")
                .containsEntry("domainWideDelegationCredentialId", null).containsEntry("delegationCredentialId", null);
        assertThat(jdbc.queryForMap("""
                select "customCalendarReminder", "delegationCredentialId" from "DestinationCalendar" where id = ?""",
                destination)).containsEntry("customCalendarReminder", 30).containsEntry("delegationCredentialId", null);

        publish("DestinationCalendar", CalendarIds.destination(ann, null),
                new DestinationCalendarSet(destination, ann, null, "caldav_calendar", HOME, credentialId, null, T1));
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForMap("""
                select "externalId", "customCalendarReminder" from "DestinationCalendar" where id = ?""", destination))
                .containsEntry("externalId", HOME).containsEntry("customCalendarReminder", 30);
    }

    @Test
    void disconnecting_takes_the_selections_and_the_destination_with_the_account() {
        int ann = user();
        int credentialId = connected(ann);
        int destination = uniqueId();
        publish("CalendarCredential", CalendarIds.credential(credentialId),
                new CalendarSelected(credentialId, UUID.randomUUID().toString(), ann, "caldav_calendar", WORK, null, T1));
        publish("DestinationCalendar", CalendarIds.destination(ann, null),
                new DestinationCalendarSet(destination, ann, null, "caldav_calendar", WORK, credentialId, null, T1));
        publish("CalendarCredential", CalendarIds.credential(credentialId),
                new CalendarDisconnected(credentialId, "caldav_calendar", "caldav-calendar", ann, null, false, T1));
        awaitProjectionsCaughtUp();

        assertThat(count("select count(*) from \"Credential\" where id = ?", credentialId)).isZero();
        assertThat(count("select count(*) from \"SelectedCalendar\" where \"credentialId\" = ?", credentialId)).isZero();
        assertThat(count("select count(*) from \"DestinationCalendar\" where id = ?", destination)).isZero();
        assertThat(count("select count(*) from query_side.credential_calendars where \"credentialId\" = ?",
                credentialId)).isZero();
    }

    @Test
    void a_replay_rebuilds_the_calendar_tables_identically() {
        int ann = user();
        int credentialId = connected(ann);
        publish("CalendarCredential", CalendarIds.credential(credentialId),
                new CalendarSelected(credentialId, UUID.randomUUID().toString(), ann, "caldav_calendar", HOME, null, T1));
        publish("DestinationCalendar", CalendarIds.destination(ann, null),
                new DestinationCalendarSet(uniqueId(), ann, null, "caldav_calendar", WORK, credentialId, null, T1));
        awaitProjectionsCaughtUp();
        List<String> credentials = rowsAsJson("Credential");
        List<String> selected = rowsAsJson("SelectedCalendar");
        List<String> destinations = rowsAsJson("DestinationCalendar");
        List<String> calendars = jdbc.queryForList("""
                select row_to_json(k)::text from query_side.credential_calendars k order by 1""", String.class);

        projections.replayAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsAsJson("Credential").size() == credentials.size());
        awaitProjectionsCaughtUp();

        assertThat(rowsAsJson("Credential")).containsExactlyElementsOf(credentials);
        assertThat(rowsAsJson("SelectedCalendar")).containsExactlyElementsOf(selected);
        assertThat(rowsAsJson("DestinationCalendar")).containsExactlyElementsOf(destinations);
        assertThat(jdbc.queryForList("select row_to_json(k)::text from query_side.credential_calendars k order by 1",
                String.class)).containsExactlyElementsOf(calendars);
    }
}
