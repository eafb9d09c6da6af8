package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The source rows of CalcomImportTest after users, teams and schedules: feature flags and grants, API keys,
 * organization profiles, out-of-office reasons and entries, webhooks and workflows, with planted rule breakers;
 * and what an imported installation must still do with them, over HTTP.
 */
final class CalcomImportAutomationRows {

    /** User 2's key: cal.com keeps only the SHA-256 of the part after "cal_". */
    static final String USER2_KEY = "cal_live_0123456789abcdef0123456789abcdef";
    static final String USER2_SECRET = "whsec-imported-user-2";

    /** The rows planted to break our rules, with the ones that go with a skipped user, team or workflow. */
    static final List<String> PLANTED = List.of("UserFeatures\t888/insights\t", "TeamFeatures\t30/insights\t",
            "ApiKey\tkey-301\t", "Profile\t900\t", "Profile\t901\t", "OutOfOfficeReason\t8\t",
            "OutOfOfficeEntry\t200\t", "OutOfOfficeEntry\t201\t", "OutOfOfficeEntry\t202\t", "Webhook\twh-none\t", "Webhook\twh-ftp\t", "Webhook\twh-half\t",
            "Webhook\twh-v2\tpayload version '2099-01-01'",
            "Workflow\t32\t", "WorkflowStep\t320\t", "Workflow\t33\t", "WorkflowStep\t330\t",
            "WorkflowStep\t340\t", "WorkflowStep\t341\t", "WorkflowStep\t999\t", "Credential\t170\t",
            "Credential\t171\t", "SelectedCalendar\tsc-bad-key\t");
    /** Rows that name tables not imported yet or things we do not model: left out, not refused. */
    static final List<String> DEFERRED = List.of("Webhook\twh-platform\tnot imported yet",
            "Workflow\t31\tnot imported yet", "WorkflowStep\t310\tnot imported yet",
            "Credential\t160\tnot imported yet", "SelectedCalendar\tsc-google\tnot imported yet");
    /** cal.com's CALENDSO_ENCRYPTION_KEY of the source installation: 32 characters, as cal.com requires. */
    static final String CALCOM_KEY = "calcom-source-key-of-32-letters!";

    static final String IMPORTED = "Feature=4, UserFeatures=40, TeamFeatures=3, ApiKey=58, Profile=139,"
            + " OutOfOfficeReason=7, OutOfOfficeEntry=59, Webhook=43, Workflow=20, WorkflowStep=39, WorkflowsOnTeams=2,"
            + " WorkflowsOnEventTypes=1, Payment=424, EventTypeCustomInput=24, HashedLink=30, OrganizationSettings=2, SelectedSlots=6,"
            + " WorkflowReminder=7, ReminderMail=3, " + CalcomImportDelegationRows.IMPORTED
            + ", Credential=13, SelectedCalendar=13, DestinationCalendar=7, " + CalcomImportBillingRows.IMPORTED + "}";
    /** Every table equal but for the rows reported; cal.com's common reasons come with their ids and emojis. */
    static final String[] COMPARED = {line("Feature", 4, 4, 0), line("UserFeatures", 41, 40, 1),
        line("TeamFeatures", 4, 3, 1), line("ApiKey", 60, 58, 2), line("Profile", 142, 139, 3),
        line("OutOfOfficeReason", 8, 7, 1), line("OutOfOfficeEntry", 63, 59, 4), line("Webhook", 48, 43, 5),
        line("Workflow", 24, 20, 4), line("WorkflowStep", 47, 39, 8), line("WorkflowsOnTeams", 2, 2, 0),
        line("WorkflowsOnEventTypes", 1, 1, 0), line("Credential", 16, 13, 3), line("SelectedCalendar", 15, 13, 2),
        line("DestinationCalendar", 7, 7, 0), "rows waiting for tables not imported yet: 10"};

    private static final HttpServer RECEIVER;
    static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();

    static {
        try {
            RECEIVER = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RECEIVER.createContext("/", exchange -> {
            RECEIVED.add(new String[] {exchange.getRequestHeaders().getFirst("X-Cal-Signature-256"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        RECEIVER.start();
    }

    private CalcomImportAutomationRows() {
    }

    /** Sets cal.com's key where the import reads it (the environment, or a system property as here). */
    static void fill(JdbcTemplate db) {
        System.setProperty("CALENDSO_ENCRYPTION_KEY", CALCOM_KEY);
        db.execute("""
                insert into "Feature" (slug, enabled, description, type, stale, "createdAt", "updatedAt", "updatedBy")
                values ('insights', true, 'Insights page', 'RELEASE', false, timestamp '2023-02-01 10:00:00.250',
                        timestamp '2023-02-01 10:00:00.250', 1),
                       ('workflows-v2', false, null, 'EXPERIMENT', true, timestamp '2023-03-01 09:00:00',
                        timestamp '2024-04-05 06:07:08.900', 2),
                       ('calendar-cache', true, 'Read calendars from the cache', 'OPERATIONAL', false,
                        timestamp '2023-04-01 00:00:00', timestamp '2023-05-01 00:00:00', null),
                       ('attributes', false, null, 'PERMISSION', false, timestamp '2023-06-01 00:00:00',
                        timestamp '2023-06-01 00:00:00', null);
                insert into "UserFeatures" ("userId", "featureId", enabled, "assignedBy", "assignedAt", "updatedAt")
                select i, 'insights', i % 2 = 1, 'user:1', timestamp '2024-01-01 00:00:00' + i * interval '1 hour',
                       timestamp '2024-02-01 00:00:00' + i * interval '1 hour'
                from generate_series(1, 120, 3) i;
                insert into "TeamFeatures" ("teamId", "featureId", enabled, "assignedBy", "assignedAt", "updatedAt")
                values (1, 'calendar-cache', true, 'user:1', timestamp '2024-03-01 00:00:00', timestamp '2024-03-01 00:00:00'),
                       (2, 'calendar-cache', false, 'user:2', timestamp '2024-03-02 00:00:00', timestamp '2024-03-09 00:00:00'),
                       (20, 'attributes', true, 'user:1', timestamp '2024-03-03 00:00:00', timestamp '2024-03-03 00:00:00'),
                       (30, 'insights', true, 'user:1', timestamp '2024-03-04 00:00:00', timestamp '2024-03-04 00:00:00');
                """);
        db.execute("""
                insert into "ApiKey" (id, "userId", "teamId", note, "hashedKey", "expiresAt", "createdAt", "lastUsedAt")
                select 'key-' || i, i, case when i % 10 = 0 then 20 end, 'Zapier ' || i,
                       encode(sha256(('secret' || i)::bytea), 'hex'),
                       case when i % 2 = 1 then timestamp '2028-01-01 00:00:00' + i * interval '1 day' end,
                       timestamp '2024-05-01 12:00:00.125' + i * interval '1 day', timestamp '2025-01-01 00:00:00'
                from generate_series(3, 60) i;
                insert into "ApiKey" (id, "userId", note, "hashedKey", "createdAt")
                values ('key-2', 2, 'Mine', encode(sha256('0123456789abcdef0123456789abcdef'::bytea), 'hex'),
                        timestamp '2024-04-01 00:00:00'),
                       ('key-301', 301, null, encode(sha256('dup'::bytea), 'hex'), timestamp '2024-04-02 00:00:00');
                insert into "Profile" (id, uid, "userId", "organizationId", username, "createdAt", "updatedAt")
                select row_number() over (order by m.id), gen_random_uuid()::text, m."userId", m."teamId",
                       'person' || m."userId", m."createdAt", m."createdAt" + interval '1 day'
                from "Membership" m where m."teamId" in (1, 2, 3) and m.accepted and m.id < 5000;
                insert into "Profile" (id, uid, "userId", "organizationId", username, "createdAt", "updatedAt")
                values (900, 'p-900', 5, 2, 'outsider', now(), now()),
                       (901, 'p-901', 40, 2, 'PERSON4', now(), now());
                """);
        db.execute("""
                insert into "OutOfOfficeReason" (id, emoji, reason, "userId", enabled)
                values (1, '🕒', 'ooo_reasons_unspecified', null, true), (2, '🏝️', 'ooo_reasons_vacation', null, true),
                       (3, '🛫', 'ooo_reasons_travel', null, true), (4, '🤒', 'ooo_reasons_sick_leave', null, true),
                       (5, '📅', 'ooo_reasons_public_holiday', null, true),
                       (6, '👶', 'Parental leave', 5, true), (7, '🎤', 'Conference', null, false);
                insert into "OutOfOfficeEntry" (id, uuid, start, "end", "userId", "toUserId", "reasonId", notes,
                                                "showNotePublicly", "createdAt", "updatedAt")
                select 100 + i, gen_random_uuid()::text, timestamp '2027-07-01 00:00:00' + i * interval '1 day',
                       timestamp '2027-07-03 23:59:59.999' + i * interval '1 day',
                       i, case when i % 4 = 0 then i + 1 end, 1 + i % 7,
                       case when i % 3 = 0 then 'Back on Monday' end, i % 3 = 0,
                       timestamp '2027-06-01 08:00:00' + i * interval '1 minute',
                       timestamp '2027-06-01 08:00:00' + i * interval '1 minute' + (i % 2) * interval '5 hours'
                from generate_series(1, 60) i;
                set session_replication_role = replica;
                insert into "UserFeatures" ("userId", "featureId", enabled, "assignedBy", "updatedAt")
                values (888, 'insights', true, 'user:1', now());
                insert into "OutOfOfficeReason" (id, emoji, reason, "userId") values (8, '❓', 'Gone', 888);
                insert into "OutOfOfficeEntry" (id, uuid, start, "end", "userId", "toUserId", "reasonId", "updatedAt")
                values (200, 'ooo-200', timestamp '2027-07-11 12:00:00', timestamp '2027-07-20 00:00:00', 10, null, null, now()),
                       (201, 'ooo-201', timestamp '2027-09-01 00:00:00', timestamp '2027-09-02 00:00:00', 11, 999, null, now()),
                       (202, 'ooo-202', timestamp '2027-09-01 00:00:00', timestamp '2027-09-02 00:00:00', 12, null, 8, now());
                set session_replication_role = origin;
                """);
        db.update("""
                insert into "Webhook" (id, "userId", "subscriberUrl", "createdAt", active, "eventTriggers", secret)
                values ('wh-receiver', 2, ?, timestamp '2024-07-01 00:00:00', true, '{BOOKING_CREATED}', ?)""",
                "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/imported", USER2_SECRET);
        db.execute("""
                insert into "Webhook" (id, "userId", "subscriberUrl", "createdAt", active, "eventTriggers",
                                       "payloadTemplate", secret, time, "timeUnit")
                select 'wh-u' || i, i, 'https://hooks.example.com/u' || i,
                       timestamp '2024-06-01 10:00:00.5' + i * interval '1 day', i % 5 <> 0,
                       case when i % 2 = 0 then '{BOOKING_CREATED,BOOKING_CANCELLED}'::"WebhookTriggerEvents"[]
                            else '{MEETING_ENDED}'::"WebhookTriggerEvents"[] end,
                       case when i % 4 = 0 then '{"title": "{{title}}"}' end,
                       case when i % 3 = 0 then null else 'whsec-' || i end,
                       case when i % 2 = 1 then 5 end, case when i % 2 = 1 then 'minute'::"TimeUnit" end
                from generate_series(4, 40) i;
                insert into "Webhook" (id, "teamId", "subscriberUrl", "createdAt", active, "eventTriggers", secret)
                select 'wh-t' || t, t, 'https://hooks.example.com/team' || t, timestamp '2024-06-15 00:00:00', true,
                       '{BOOKING_REQUESTED,BOOKING_REJECTED}', 'whsec-team-' || t
                from generate_series(20, 23) t;
                insert into "Webhook" (id, "subscriberUrl", "createdAt", "eventTriggers", platform)
                values ('wh-platform', 'https://platform.example.com/hook', now(), '{BOOKING_CREATED}', true);
                insert into "Webhook" (id, "userId", "subscriberUrl", "createdAt", "eventTriggers")
                values ('wh-none', 6, 'https://hooks.example.com/none', now(), null);
                insert into "Webhook" (id, "userId", "subscriberUrl", "createdAt", "eventTriggers", time)
                values ('wh-ftp', 7, 'ftp://hooks.example.com/7', now(), '{BOOKING_CREATED}', null),
                       ('wh-half', 8, 'https://hooks.example.com/half', now(), '{MEETING_ENDED}', 5);
                insert into "Webhook" (id, "userId", "subscriberUrl", "createdAt", "eventTriggers", version)
                values ('wh-v2', 9, 'https://hooks.example.com/v2', now(), '{BOOKING_CREATED}', '2099-01-01');
                set session_replication_role = replica;
                insert into "Webhook" (id, "eventTypeId", "subscriberUrl", "createdAt", "eventTriggers")
                values ('wh-event-type', 1, 'https://hooks.example.com/et', now(), '{BOOKING_CREATED}');
                set session_replication_role = origin;
                """);
        fillCalendars(db);
        db.execute("""
                insert into "Workflow" (id, name, "userId", trigger, time, "timeUnit", "isActiveOnAll", position)
                select i, 'Reminder ' || i, i, (array['BEFORE_EVENT','AFTER_EVENT','NEW_EVENT'])[1 + i % 3]::"WorkflowTriggerEvents",
                       case when i % 3 <> 2 then 24 end, case when i % 3 <> 2 then 'hour'::"TimeUnit" end, i % 4 = 0, i % 5
                from generate_series(1, 20) i;
                insert into "WorkflowStep" (id, "workflowId", "stepNumber", action, template, "reminderBody",
                                            "emailSubject", "sendTo", "numberRequired", sender, "includeCalendarEvent",
                                            "verifiedAt", "numberVerificationPending", "agentId", "inboundAgentId")
                select 100 + i * 2 + s, i, s, (array['EMAIL_HOST','EMAIL_ATTENDEE'])[s]::"WorkflowActions",
                       (array['REMINDER','CUSTOM'])[s]::"WorkflowTemplates", 'Hello {ATTENDEE}', 'Soon: {EVENT_NAME}',
                       null, case when s = 2 then false end, 'Cal', s = 2,
                       case when i % 5 = 0 then timestamp '2024-08-01 00:00:00' end, i % 3 <> 0,
                       case when i % 7 = 0 and s = 1 then 'agent-' || i end,
                       case when i % 7 = 0 and s = 2 then 'inbound-agent-' || i end
                from generate_series(1, 20) i cross join generate_series(1, 2) s;
                insert into "Workflow" (id, name, "teamId", trigger, "isActiveOnAll", type)
                values (30, 'Org follow-up', 1, 'NEW_EVENT', false, 'EVENT_TYPE'),
                       (31, 'Form routed', null, 'FORM_SUBMITTED', false, 'ROUTING_FORM'),
                       (32, 'Nobody''s', null, 'NEW_EVENT', false, 'EVENT_TYPE'),
                       (33, 'Untimed', null, 'BEFORE_EVENT', false, 'EVENT_TYPE');
                update "Workflow" set "userId" = 8 where id = 33;
                update "Workflow" set "userId" = 7 where id = 31;
                insert into "WorkflowStep" (id, "workflowId", "stepNumber", action, template)
                values (300, 30, 1, 'EMAIL_ATTENDEE', 'RATING'), (310, 31, 1, 'EMAIL_HOST', 'REMINDER'),
                       (320, 32, 1, 'EMAIL_HOST', 'REMINDER'), (330, 33, 1, 'EMAIL_HOST', 'REMINDER');
                insert into "WorkflowStep" (id, "workflowId", "stepNumber", action, template, "sendTo")
                values (340, 2, 3, 'SMS_NUMBER', 'REMINDER', 'call me'),
                       (341, 4, 3, 'EMAIL_HOST', 'REMINDER', 'host@example.com');
                insert into "WorkflowsOnTeams" (id, "workflowId", "teamId") values (1, 30, 10), (2, 30, 13);
                set session_replication_role = replica;
                insert into "WorkflowsOnEventTypes" (id, "workflowId", "eventTypeId") values (1, 1, 1);
                insert into "WorkflowStep" (id, "workflowId", "stepNumber", action) values (999, 77, 1, 'EMAIL_HOST');
                set session_replication_role = origin;
                """);
    }

    /** cal.com's symmetricEncrypt: AES-256-CBC under the key's latin1 bytes, "iv:ciphertext" in hex. */
    static String calcomEncrypt(String text, String key) {
        try {
            byte[] iv = new byte[16];
            new java.security.SecureRandom().nextBytes(iv);
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.ISO_8859_1),
                    "AES"), new javax.crypto.spec.IvParameterSpec(iv));
            return HexFormat.of().formatHex(iv) + ":"
                    + HexFormat.of().formatHex(cipher.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CalDAV accounts of users 4 to 15 (7's refused its login once), a team's ICS feed, their calendars. */
    static void fillCalendars(JdbcTemplate db) {
        for (int i = 4; i <= 15; i++) {
            db.update("""
                    insert into "Credential" (id, type, key, "userId", "appId", invalid)
                    values (?, 'caldav_calendar', to_jsonb(?::text), ?, 'caldav-calendar', ?)""", 100 + i,
                    calcomEncrypt("{\"url\":\"https://dav.example.com/u" + i + "\",\"username\":\"u" + i
                            + "\",\"password\":\"pw" + i + "\"}", CALCOM_KEY), i, i == 7);
        }
        db.update("""
                insert into "Credential" (id, type, key, "teamId", "appId") values (150, 'ics-feed_calendar',
                    to_jsonb(?::text), 20, 'ics-feed')""",
                calcomEncrypt("{\"urls\":[\"https://example.com/team.ics\"]}", CALCOM_KEY));
        db.update("""
                insert into "Credential" (id, type, key, "userId", "appId") values
                    (160, 'google_calendar', '{"access_token": "ya29", "refresh_token": "1//0"}', 4, 'google-calendar'),
                    (170, 'caldav_calendar', to_jsonb(?::text), 5, 'caldav-calendar')""",
                calcomEncrypt("{\"url\":\"https://dav.example.com/x\"}", "another-installation-key-32-char"));
        db.execute("""
                insert into "SelectedCalendar" (id, "userId", integration, "externalId", "credentialId", "createdAt")
                select 'sc-' || i, i, 'caldav_calendar', 'https://dav.example.com/u' || i || '/work/', 100 + i,
                       timestamp '2024-09-01 00:00:00' + i * interval '1 hour'
                from generate_series(4, 15) i;
                insert into "SelectedCalendar" (id, "userId", integration, "externalId", "credentialId", "createdAt")
                values ('sc-google', 4, 'google_calendar', 'u4@gmail.com', 160, now()),
                       ('sc-bad-key', 5, 'caldav_calendar', 'https://dav.example.com/x/cal/', 170, now());
                insert into "DestinationCalendar" (id, integration, "externalId", "userId", "credentialId",
                                                   "primaryEmail", "createdAt", "updatedAt")
                select 10 + i, 'caldav_calendar', 'https://dav.example.com/u' || i || '/work/', i, 100 + i,
                       'person' || i || '@example.com', timestamp '2024-09-02 00:00:00',
                       timestamp '2024-09-02 00:00:00' + (i % 2) * interval '3 days'
                from generate_series(4, 10) i;
                set session_replication_role = replica;
                insert into "Credential" (id, type, key, "userId") values (171, 'caldav_calendar', '"x"', 888);
                insert into "SelectedCalendar" (id, "userId", integration, "externalId", "credentialId", "eventTypeId",
                                                "createdAt")
                values ('sc-event-type', 6, 'caldav_calendar', 'https://dav.example.com/u6/other/', 106, 1, now());
                set session_replication_role = origin;
                """);
    }

    /** What the imported rows still do in the running system, over HTTP with an imported key. */
    static void stillWorkOverHttp(ConfigurableApplicationContext context) throws Exception {
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();

        String sealed = context.getBean(JdbcTemplate.class).queryForObject(
                "select sealed_key from command_side.calendar_credentials where credential_id = 104", String.class);
        assertThat(context.getBean(com.calcomalt.platform.secrets.SecretBox.class).open(sealed))
                .as("a CalDAV login opened with cal.com's key and sealed with ours")
                .isEqualTo("{\"url\":\"https://dav.example.com/u4\",\"username\":\"u4\",\"password\":\"pw4\"}");

        HttpResponse<String> me = send(http, base, "GET", "/v2/me", null);
        assertThat(me.statusCode()).as("an imported API key authenticates: " + me.body()).isEqualTo(200);
        assertThat(json.readTree(me.body()).at("/data/id").asInt()).isEqualTo(2);

        HttpResponse<String> webhooks = send(http, base, "GET", "/v2/webhooks", null);
        assertThat(webhooks.body()).as("the imported webhook is the user's").contains("wh-receiver");
        HttpResponse<String> again = send(http, base, "POST", "/v2/webhooks", """
                {"subscriberUrl": "http://127.0.0.1:%d/imported", "triggers": ["BOOKING_CREATED"]}"""
                .formatted(RECEIVER.getAddress().getPort()));
        assertThat(again.statusCode()).as("an imported subscriber URL is taken: " + again.body()).isEqualTo(409);

        HttpResponse<String> overlapping = send(http, base, "POST", "/v2/me/ooo", """
                {"start": "%s", "end": "%s"}""".formatted(PlantedDates.instant("2027-07-04T00:00:00Z"),
                PlantedDates.instant("2027-07-05T00:00:00Z")));
        assertThat(overlapping.statusCode()).as("an imported time away is taken: " + overlapping.body())
                .isEqualTo(409);
        assertThat(send(http, base, "GET", "/v2/me/ooo", null).body()).contains("\"id\":102");

        assertThat(send(http, base, "GET", "/v2/workflows", null).body()).as("the imported workflow and steps")
                .contains("Reminder 2", "Soon: {EVENT_NAME}");

        // A new booking of the imported user reaches the imported webhook, signed with the imported secret.
        HttpResponse<String> eventType = send(http, base, "POST", "/v2/event-types", """
                {"title": "After the move", "slug": "after-the-move", "lengthInMinutes": 30}""");
        assertThat(eventType.statusCode()).as(eventType.body()).isEqualTo(201);
        int eventTypeId = json.readTree(eventType.body()).at("/data/id").asInt();
        HttpResponse<String> booked = send(http, base, "POST", "/v2/bookings", """
                {"start": "%s", "eventTypeId": %d,
                 "attendee": {"name": "Ada", "email": "ada@example.org", "timeZone": "Europe/Berlin"}}"""
                .formatted(PlantedDates.instant("2027-12-06T09:00:00Z"), eventTypeId));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> !RECEIVED.isEmpty());
        String[] delivery = RECEIVED.get(0);
        JsonNode body = json.readTree(delivery[1]);
        assertThat(body.get("triggerEvent").asText()).isEqualTo("BOOKING_CREATED");
        assertThat(body.at("/payload/uid").asText()).isEqualTo(json.readTree(booked.body()).at("/data/uid").asText());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(USER2_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(delivery[0]).as("signed with the imported secret")
                .isEqualTo(HexFormat.of().formatHex(mac.doFinal(delivery[1].getBytes(StandardCharsets.UTF_8))));
    }

    private static String line(String table, int source, int target, int reported) {
        return String.format("%-14s source %d rows, target %d rows, 0 differences (%d of reported rows)", table,
                source, target, reported);
    }

    private static HttpResponse<String> send(HttpClient http, String base, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + USER2_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
