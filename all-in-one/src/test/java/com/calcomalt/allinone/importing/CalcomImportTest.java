package com.calcomalt.allinone.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.allinone.AllInOneApplication;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreateTeam;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.RegisterUser;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.scheduling.CreateSchedule;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A cal.com database, made by our own migrations in a database of its own and filled like an
 * installation, is imported into an empty one by the command line, projected and compared; then
 * new commands keep the rules on the imported data.
 */
class CalcomImportTest {

    private static String sourceUrl;
    private static String targetUrl;
    private static JdbcTemplate source;

    @TempDir
    Path directory;

    @BeforeAll
    static void databases() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(
                EmbeddedPostgresProperties.Mode.THROWAWAY, Path.of(".data/unused"), 0));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            admin.createStatement().execute("create database calcom_" + tag);
            admin.createStatement().execute("create database imported_" + tag);
        }
        String base = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1);
        sourceUrl = base + "calcom_" + tag;
        targetUrl = base + "imported_" + tag;
        Flyway.configure().dataSource(sourceUrl, "postgres", "").locations("classpath:db/migration").load().migrate();
        source = new JdbcTemplate(new SingleConnectionDataSource(sourceUrl, "postgres", "", true));
        // Planted with every date moved by the whole weeks since the rows were written (PlantedDates).
        JdbcTemplate planting = PlantedDates.planting(source.getDataSource());
        fill(planting);
        fillScheduling(planting);
        CalcomImportPhoneCallRows.fill(planting);
        CalcomImportDelegationRows.fill(planting);
        CalcomImportBillingRows.fill(planting);
        CalcomImportReminderMailRows.fill(planting);
        CalcomImportBookingColumnRows.fill(planting);
    }

    @org.junit.jupiter.api.AfterAll
    static void forgetCalcomKey() {
        System.clearProperty("CALENDSO_ENCRYPTION_KEY");
        CalcomImportDelegationRows.forgetKey();
    }

    /** 300 users in eight time zones, one to two schedules each with weekly hours and overrides; then the planted rule breakers. */
    private static void fill(JdbcTemplate db) {
        db.execute("""
                insert into users (id, uuid, email, username, name, "timeZone", "weekStart", locale, "timeFormat",
                                   "identityProvider", "identityProviderId", "creationSource", created)
                select i, gen_random_uuid(), 'person' || i || '@example' || (i % 7) || '.com', 'person' || i,
                       'Person ' || i,
                       (array['Europe/Berlin','America/New_York','Asia/Tokyo','Australia/Sydney','Europe/London',
                              'America/Los_Angeles','Asia/Kolkata','America/Sao_Paulo'])[1 + i % 8],
                       (array['Sunday','Monday'])[1 + i % 2], (array['en','de','ja',null])[1 + i % 4],
                       (array[12, 24])[1 + i % 2],
                       (array['CAL','GOOGLE','SAML'])[1 + i % 3]::"IdentityProvider",
                       case when i % 3 = 0 then null else 'idp-' || i end,
                       (array['webapp','api_v1','api_v2',null])[1 + i % 4]::"CreationSource",
                       timestamp '2021-03-01 08:15:30.123' + i * interval '37 hours 13 minutes'
                from generate_series(1, 300) i""");
        db.execute("""
                insert into "Schedule" (id, "userId", name, "timeZone")
                select 1000 + i, i, 'Working hours',
                       case when i % 5 = 0 then null else 'Europe/Berlin' end from generate_series(1, 300) i;
                insert into "Schedule" (id, "userId", name, "timeZone")
                select 2000 + i, i, 'Evenings', 'America/Chicago' from generate_series(1, 300, 3) i;
                update users set "defaultScheduleId" = 1000 + id;
                insert into "Availability" (id, "scheduleId", days, "startTime", "endTime")
                select 5000 + i, 1000 + i, array[1,2,3,4,5], time '09:00', time '17:00' from generate_series(1, 300) i;
                insert into "Availability" (id, "scheduleId", days, "startTime", "endTime")
                select 6000 + i, 2000 + i, array[0,6], time '18:30', time '21:45' from generate_series(1, 300, 3) i;
                insert into "Availability" (id, "scheduleId", date, "startTime", "endTime")
                select 7000 + i, 1000 + i, date '2027-12-24' + (i % 3), time '00:00', time '00:00'
                from generate_series(1, 300, 2) i;
                insert into "Availability" (id, "scheduleId", date, "startTime", "endTime")
                select 8000 + i, 1000 + i, date '2027-11-02', time '10:00', time '12:30' from generate_series(1, 300, 4) i;
                """);
        // Three organizations with two sub-teams each, four teams of their own; owners, admins and members,
        // some still invited.
        db.execute("""
                insert into "Team" (id, name, slug, "isOrganization", "createdAt", "timeZone", "weekStart", metadata,
                                    "bookingLimits", "brandColor", "timeFormat")
                select o, 'Org ' || o, 'org-' || o, true, timestamp '2022-05-01 10:00:00.5' + o * interval '3 days',
                       'America/New_York', 'Monday', '{"isOrganizationVerified": true, "orgSeats": 30}',
                       null, '#112233', 24
                from generate_series(1, 3) o;
                insert into "Team" (id, name, slug, "parentId", "createdAt", "isPrivate", "rrResetInterval",
                                    "rrTimestampBasis", "bookingLimits")
                select 10 + t, 'Sub ' || t, 'sales-' || (t / 3), 1 + t % 3, timestamp '2023-01-01 00:00:00' + t * interval '1 day',
                       t % 2 = 0, 'DAY', 'START_TIME', '{"PER_WEEK": 5}'
                from generate_series(0, 5) t;
                insert into "Team" (id, name, slug, "createdAt", "hideBranding", metadata)
                select 20 + t, 'Team ' || t, 'team-' || t, timestamp '2023-06-01 12:30:00' + t * interval '5 hours',
                       t % 2 = 1, null
                from generate_series(0, 3) t;
                insert into "Membership" (id, "teamId", "userId", accepted, role, "disableImpersonation", "createdAt")
                select row_number() over (order by t.id, u) + 100, t.id, u, u % 10 <> 0,
                       (case when u % 25 = t.id % 25 then 'OWNER' when u % 7 = 0 then 'ADMIN' else 'MEMBER' end)
                           ::"MembershipRole",
                       u % 11 = 0, timestamp '2024-03-01 09:00:00' + u * interval '1 hour'
                from "Team" t cross join generate_series(1, 300) u
                where (u + t.id) % 6 = 0;
                """);
        // The planted rule breakers: an email equal to another ignoring case, a user without a time format, a
        // sub-team of a missing organization with its member, a membership of a missing user, a schedule of no user, hours
        // of no schedule, and a default schedule that is someone else's.
        db.execute("""
                insert into users (id, uuid, email, username, "timeZone", created)
                values (301, gen_random_uuid(), 'PERSON1@Example1.com', 'person1-again', 'Europe/Paris',
                        timestamp '2024-01-01 00:00:00');
                insert into users (id, uuid, email, username, "timeZone", "timeFormat", created)
                values (302, gen_random_uuid(), 'no-clock@example.com', 'no-clock', 'Asia/Kolkata', null,
                        timestamp '2024-02-01 00:00:00');
                insert into "Schedule" (id, "userId", name) values (3001, 301, 'Duplicate''s hours');
                insert into "Availability" (id, "scheduleId", days, "startTime", "endTime")
                values (9001, 3001, array[1], time '08:00', time '09:00');
                update users set "defaultScheduleId" = 3001 where id = 301;
                set session_replication_role = replica;
                insert into "Team" (id, name, slug, "parentId", "createdAt") values (30, 'Lost', 'lost', 77, now());
                insert into "Membership" (id, "teamId", "userId", accepted, role) values (5000, 30, 4, true, 'OWNER');
                insert into "Membership" (id, "teamId", "userId", accepted, role) values (5001, 20, 888, true, 'MEMBER');
                insert into "Schedule" (id, "userId", name) values (3002, 999, 'Orphan');
                insert into "Availability" (id, "scheduleId", days, "startTime", "endTime")
                values (9002, null, array[2], time '08:00', time '09:00');
                set session_replication_role = origin;
                update users set "defaultScheduleId" = 1002 where id = 3;
                """);
        CalcomImportAutomationRows.fill(db);
        CalcomImportIdentityRows.fill(db);
    }

    /**
     * Event types of every kind with hosts, and about 3,000 bookings across every status with attendees, seats,
     * references and tracking; then the planted rule breakers of scheduling.
     */
    private static void fillScheduling(JdbcTemplate db) {
        // A personal event type per user (id = the user's), a seated one for every tenth user, and per team of
        // its own a round-robin, a collective and a managed one, the managed one assigned to each accepted member.
        db.execute("""
                insert into "EventType" (id, "userId", title, slug, length, description, locations, "beforeEventBuffer",
                                         "afterEventBuffer", "minimumBookingNotice", "scheduleId", metadata,
                                         "bookingFields", "periodCountCalendarDays", "createdAt", "updatedAt",
                                         "eventTypeColor", "hideOrganizerEmail", position)
                select i, i, '30 minutes with Person ' || i, '30min', 30, case when i % 2 = 0 then 'Talk' end,
                       '[{"type": "integrations:daily"}]', (i % 3) * 5, (i % 4) * 5, 0,
                       case when i % 6 = 0 then 1000 + i end, '{"apps": {}}',
                       case when i % 5 = 0 then '[{"name": "notes", "type": "textarea"}]'::jsonb end,
                       i % 2 = 0, timestamp '2024-05-01 10:00:00.25' + i * interval '1 hour',
                       timestamp '2024-09-01 00:00:00', case when i % 7 = 0 then '{"lightEventTypeColor": "#292929"}'::jsonb end,
                       i % 9 = 0, i % 3
                from generate_series(1, 300) i;
                insert into "EventType" (id, "userId", title, slug, length, "seatsPerTimeSlot", "seatsShowAttendees",
                                         "seatsShowAvailabilityCount", "createdAt", "periodType", "periodDays")
                select 1000 + i, i, 'Group class', 'group-class', 60, 5, true, false, timestamp '2024-06-01 00:00:00',
                       'rolling', 30
                from generate_series(10, 300, 10) i;
                insert into "EventType" (id, "teamId", title, slug, length, "schedulingType", "assignAllTeamMembers",
                                         "isRRWeightsEnabled", "createdAt", metadata)
                select k * 100 + t, t, (array['Sales call','Panel','Onboarding'])[k - 4],
                       (array['sales','panel','onboarding'])[k - 4], (array[30, 60, 45])[k - 4],
                       (array['roundRobin','collective','managed'])[k - 4]::"SchedulingType", k = 5, k = 5,
                       timestamp '2024-07-01 00:00:00' + t * interval '1 day',
                       case when k = 7 then '{"managedEventConfig": {"unlockedFields": {"description": true}}}'::jsonb end
                from generate_series(20, 23) t cross join generate_series(5, 7) k;
                insert into "EventType" (id, "userId", "parentId", title, slug, length, "createdAt", description)
                select 10000 + m.id, m."userId", 700 + m."teamId", 'Onboarding', 'onboarding-' || m."teamId", 45,
                       timestamp '2024-07-15 00:00:00' + m.id * interval '1 minute', 'Mine'
                from "Membership" m where m."teamId" between 20 and 23 and m.accepted and m."userId" <= 300 and m."userId" <> 3;
                insert into "Host" ("userId", "eventTypeId", "isFixed", priority, weight, "scheduleId", "createdAt", "memberId")
                select m."userId", k * 100 + m."teamId", k = 6, case when k = 5 then m."userId" % 5 end,
                       case when k = 5 then 100 end, case when m."userId" % 4 = 0 then 1000 + m."userId" end,
                       timestamp '2024-07-02 00:00:00' + m."userId" * interval '1 minute', m.id
                from "Membership" m cross join generate_series(5, 7) k
                where m."teamId" between 20 and 23 and m.accepted and m."userId" <= 300 and m."userId" <> 3;
                """);
        // The columns no command of ours sets, set as cal.com's instant meetings, segments, translation and
        // organization profiles set them, and hours of older cal.com that name their user or event type; planted, a
        // profile that breaks a rule (EventTypeColumnsImport) and hours of a reported event type.
        db.execute("""
                update "EventType" set "isInstantEvent" = id % 4 = 0, "useEventTypeDestinationCalendarEmail" = id % 3 = 0,
                       "secondaryEmailId" = case when id % 5 = 0 then 40 + id end,
                       "instantMeetingExpiryTimeOffsetInSeconds" = 60 + (id % 7) * 30,
                       "instantMeetingScheduleId" = case when id % 8 = 0 then 1000 + id end,
                       "showOptimizedSlots" = case when id % 11 = 0 then null else id % 2 = 1 end,
                       "instantMeetingParameters" = case when id % 4 = 0 then array['utm_source', 'lang'] end,
                       "autoTranslateDescriptionEnabled" = id % 6 = 0, "requiresConfirmationForFreeEmail" = id % 7 = 0,
                       "useEventLevelSelectedCalendars" = id % 5 = 1, "canSendCalVideoTranscriptionEmails" = id % 3 <> 1,
                       "restrictionScheduleId" = case when id % 9 = 0 then 1000 + id end,
                       "maxActiveBookingPerBookerOfferReschedule" = id % 10 = 3,
                       "bookingRequiresAuthentication" = id % 13 = 0,
                       "autoTranslateInstantMeetingTitleEnabled" = id % 4 <> 2,
                       "updatedAt" = case when id % 10 = 0 then null else "updatedAt" + (id % 6) * interval '1 day' end
                where id <= 300;
                update "EventType" e set "profileId" = p.id
                from "Profile" p where p."userId" = e."userId" and e.id <= 300 and p.id < 900
                    and p."organizationId" = (select min("organizationId") from "Profile" where "userId" = e."userId");
                update "EventType" set "profileId" = 900 where id = 7;
                update "EventType" set "assignRRMembersUsingSegment" = true, "rrHostSubsetEnabled" = true,
                       "includeNoShowInRRCalculation" = true,
                       "rrSegmentQueryValue" = ('{"id": "q-' || id || '", "type": "group", "children1": {}}')::jsonb,
                       "updatedAt" = timestamp '2024-08-01 00:00:00' + id * interval '1 hour'
                where id between 500 and 599 and id % 2 = 0;
                update "Host" set "weightAdjustment" = "userId" % 7 * 10, "groupId" = 'group-' || ("userId" % 2)
                where "eventTypeId" between 500 and 599 and "userId" % 3 = 0;
                update "Host" set "groupId" = 'panel' where "eventTypeId" between 600 and 699 and "userId" % 3 = 1;
                update "Availability" set "userId" = "scheduleId" - 1000 where id between 5001 and 5300 and id % 3 = 0;
                update "Availability" set "eventTypeId" = id - 5000 where id between 5001 and 5300 and id % 10 = 1;
                update "Availability" set "eventTypeId" = 3 where id = 5010;
                """);
        // Personal bookings: eight per user on different days, every status; a cancelled booking with
        // rescheduled set was moved to the next one.
        db.execute("""
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, description, "startTime", "endTime",
                                       "createdAt", "updatedAt", location, status, "cancellationReason",
                                       "rejectionReason", "fromReschedule", rescheduled, "customInputs",
                                       "smsReminderNumber", metadata, responses, "iCalSequence", "iCalUID",
                                       "userPrimaryEmail", "idempotencyKey", "noShowHost", rating, "ratingFeedback",
                                       "cancelledBy", "rescheduledBy", "creationSource")
                select b, 'bk-' || b, u, u, '30 minutes between Person ' || u || ' and Guest ' || b,
                       case when b % 3 = 0 then 'About the plan' end, s, s + interval '30 minutes',
                       s - interval '10 days' + b * interval '1 second',
                       case when st <> 'accepted' or b % 3 = 0 then s - interval '2 days' end,
                       'integrations:daily', st::"BookingStatus",
                       case when st = 'cancelled' then 'Something came up' end,
                       case when st = 'rejected' then 'Fully booked' end,
                       case when b % 10 = 0 and b > 300 then 'bk-' || (b - 1) end,
                       case when b % 10 = 9 and b % 50 <> 49 then true end, '{}', case when b % 8 = 0 then '+4912345' || b end,
                       ('{"videoCallUrl": "https://meet.example/' || b || '"}')::jsonb,
                       jsonb_build_object('name', 'Guest ' || b, 'email', 'guest' || b || '@mail.example'),
                       b % 3, b || '@Cal.com', 'person' || u || '@example' || (u % 7) || '.com',
                       case when st in ('accepted', 'pending') then 'idem-' || b end, b % 17 = 0,
                       case when b % 13 = 0 then 1 + b % 5 end, case when b % 13 = 0 then 'Fine' end,
                       case when st = 'cancelled' and b % 10 <> 9 then 'guest' || b || '@mail.example' end,
                       case when b % 10 = 9 and b % 50 <> 49 then 'person' || u || '@example' || (u % 7) || '.com' end,
                       (array['webapp','api_v1','api_v2',null])[1 + b % 4]::"CreationSource"
                from (select b, 1 + (b - 1) % 300 as u,
                             timestamp '2026-06-01 08:00:00' + ((b - 1) / 300) * interval '1 day 1 hour'
                                 + (1 + (b - 1) % 300) * interval '1 minute' as s,
                             case when b % 50 = 49 then 'awaiting_host' when b % 10 = 9 then 'cancelled'
                                  when b % 10 = 6 then 'pending' when b % 10 = 7 then 'cancelled'
                                  when b % 10 = 8 then 'rejected' else 'accepted' end as st
                      from generate_series(1, 2400) b) x
                where u not in (3);
                insert into "Attendee" (id, email, name, "timeZone", "bookingId", locale, "phoneNumber", "noShow")
                select 10000 + id, 'guest' || id || '@mail.example', 'Guest ' || id, 'Europe/Paris', id,
                       case when id % 4 = 1 then 'fr' else 'en' end, case when id % 6 = 0 then '+331234' || id end,
                       id % 19 = 0
                from "Booking";
                insert into "Attendee" (id, email, name, "timeZone", "bookingId", locale, "noShow")
                select 20000 + id, 'plus-one' || id || '@mail.example', '', 'Asia/Tokyo', id, 'ja', false
                from "Booking" where id % 4 = 0;
                insert into "Tracking" (id, "bookingId", utm_source, utm_medium, utm_campaign, utm_term, utm_content)
                select id, id, 'newsletter', 'email', 'spring-' || (id % 3), case when id % 2 = 0 then 'meeting' end, null
                from "Booking" where id % 5 = 0;
                insert into "BookingInternalNote" (id, text, "bookingId", "createdById", "createdAt")
                select id, 'Called back on ' || id, id, "userId", "createdAt" + interval '1 hour'
                from "Booking" where id % 7 = 0;
                insert into "BookingReference" (id, type, uid, "bookingId", "meetingId", "meetingPassword", "meetingUrl",
                                                deleted, "externalCalendarId", "thirdPartyRecurringEventId")
                select id, case when id % 2 = 0 then 'daily_video' else 'google_calendar' end, 'ref-' || id, id,
                       'meet-' || id, case when id % 2 = 0 then 'pw' end, 'https://meet.example/' || id,
                       case when id % 27 = 0 then true end, case when id % 2 = 1 then 'primary' end, null
                from "Booking" where id % 3 = 0;
                """);
        // Team bookings: collective ones keep every host busy and list the other hosts as attendees; round-robin
        // and managed ones are one host's. Then seated bookings of three seats each.
        db.execute("""
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                                       status, "iCalUID", responses, "userPrimaryEmail", "idempotencyKey")
                select 3000 + (t - 20) * 20 + k, 'panel-' || t || '-' || k, h."userId", 600 + t, 'Panel ' || k,
                       timestamp '2027-01-04 14:00:00' + k * interval '1 day',
                       timestamp '2027-01-04 15:00:00' + k * interval '1 day', timestamp '2026-11-01 00:00:00',
                       (case when k % 5 = 4 then 'cancelled' else 'accepted' end)::"BookingStatus", 'panel' || k,
                       '{"name": "Candidate"}', 'x@example.com', null
                from generate_series(20, 23) t cross join generate_series(0, 19) k
                join lateral (select "userId" from "Host" where "eventTypeId" = 600 + t order by "userId" limit 1) h on true;
                insert into "Attendee" (id, email, name, "timeZone", "bookingId")
                select 40000 + b.id, 'candidate' || b.id || '@mail.example', 'Candidate', 'UTC', b.id
                from "Booking" b where b.id between 3000 and 3099;
                insert into "Attendee" (id, email, name, "timeZone", "bookingId")
                select 50000 + b.id * 100 + h."userId" % 100, u.email, coalesce(u.name, ''),
                       u."timeZone", b.id
                from "Booking" b join "Host" h on h."eventTypeId" = b."eventTypeId" and h."userId" <> b."userId"
                join users u on u.id = h."userId"
                where b.id between 3000 and 3099;
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                                       status, "iCalUID", "userPrimaryEmail")
                select 3200 + (t - 20) * 25 + k, 'rr-' || t || '-' || k, h."userId", e.id, e.title,
                       timestamp '2027-02-01 10:00:00' + k * interval '1 day',
                       timestamp '2027-02-01 10:00:00' + k * interval '1 day' + e.length * interval '1 minute',
                       timestamp '2026-11-02 00:00:00', 'accepted', 'rr' || k, 'x@example.com'
                from generate_series(20, 23) t cross join generate_series(0, 24) k
                join lateral (select "userId" from "Host" where "eventTypeId" = 500 + t
                              order by "userId" offset k % 5 limit 1) h on true
                join "EventType" e on e.id = case when k % 2 = 0 then 500 + t
                    else (select id from "EventType" where "parentId" = 700 + t and "userId" = h."userId") end;
                insert into "Attendee" (id, email, name, "timeZone", "bookingId")
                select 40000 + id, 'lead' || id || '@mail.example', 'Lead', 'America/Chicago', id
                from "Booking" where id between 3200 and 3299;
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                                       status, "iCalUID", responses)
                select 3500 + i + k, 'class-' || i || '-' || k, i, 1000 + i, 'Group class',
                       timestamp '2026-09-01 17:00:00' + k * interval '7 days',
                       timestamp '2026-09-01 18:00:00' + k * interval '7 days', timestamp '2026-08-01 00:00:00',
                       'accepted', 'class' || i || k, '{}'
                from generate_series(10, 300, 10) i cross join generate_series(0, 1) k;
                insert into "Attendee" (id, email, name, "timeZone", "bookingId")
                select 60000 + b.id * 10 + s, 'seat' || s || '-' || b.id || '@mail.example', 'Seat ' || s, 'UTC', b.id
                from "Booking" b cross join generate_series(1, 3) s where b.id between 3500 and 3999;
                insert into "BookingSeat" (id, "referenceUid", "bookingId", "attendeeId", data, metadata)
                select 60000 + b.id * 10 + s, 'seat-' || b.id || '-' || s, b.id, 60000 + b.id * 10 + s,
                       '{"responses": {"name": "Seat"}}', case when s = 2 then '{"note": "window"}'::jsonb end
                from "Booking" b cross join generate_series(1, 3) s where b.id between 3500 and 3999;
                """);
        // The busy slot the HTTP checks find taken: Person 2's Monday 09:00 UTC, 10:00 or 11:00 in Berlin. And a
        // cancelled booking over Person 5's accepted one, which cal.com allows and so do we: it keeps no one busy.
        db.execute("""
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                                       status, "iCalUID", responses, "idempotencyKey")
                values (4000, 'imported-busy', 2, 2, 'Taken', timestamp '2027-03-01 09:00:00',
                        timestamp '2027-03-01 09:30:00', timestamp '2026-11-20 00:00:00', 'accepted', 'busy', '{}',
                        'idem-busy');
                insert into "Attendee" (id, email, name, "timeZone", "bookingId")
                values (44000, 'early@mail.example', 'Early', 'Europe/Berlin', 4000);
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", "createdAt",
                                       "updatedAt", status, "cancellationReason", "cancelledBy", "iCalUID")
                values (4001, 'cancelled-over-5', 5, 5, 'Was double', timestamp '2026-06-01 08:10:00',
                        timestamp '2026-06-01 08:40:00', timestamp '2026-05-01 00:00:00',
                        timestamp '2026-05-02 00:00:00', 'cancelled', 'Double', 'person5@example5.com', 'c');
                """);
        // Payments: paid on booking, paid and refunded, held cards charged, and open ones; the paid bookings say so.
        db.execute("""
                insert into "Payment" (id, uid, "bookingId", amount, fee, currency, success, refunded, data,
                                       "externalId", "appId", "paymentOption")
                select id, 'pay-' || id, id, 2500 + id, 75 + id % 10, (array['usd','eur','jpy'])[1 + id % 3],
                       id % 20 in (1, 11) or id % 40 = 7, id % 40 = 7,
                       jsonb_build_object('id', 'pi_' || id, 'status', 'requires_payment_method',
                                          'stripeAccount', 'acct_' || "userId"),
                       'pi_' || id, 'stripe',
                       (case when id % 100 = 11 then 'HOLD' else 'ON_BOOKING' end)::"PaymentOption"
                from "Booking" where id <= 2400 and (id % 20 in (1, 6, 11) or id % 40 = 7);
                update "Booking" set paid = true where id in (select "bookingId" from "Payment" where success);
                """);
        // Planted: an accepted booking overlapping Person 5's own, with its attendee, tracking and reference; a
        // booking of a missing event type; one of the rule-breaking user 301; an attendee of no booking; an event
        // type of no user; a host that is no user.
        db.execute("""
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", status, "iCalUID")
                values (9601, 'overlap', 5, 5, 'Double', timestamp '2026-06-01 08:10:00',
                        timestamp '2026-06-01 08:40:00', 'accepted', 'o'),
                       (9603, 'of-301', 301, null, 'Lost', timestamp '2026-06-03 08:00:00',
                        timestamp '2026-06-03 08:30:00', 'accepted', 'l');
                insert into "Attendee" (id, email, name, "timeZone", "bookingId") values (99601, 'o@mail.example', 'O', 'UTC', 9601);
                insert into "Tracking" (id, "bookingId", utm_source) values (9601, 9601, 'ads');
                insert into "BookingInternalNote" (id, text, "bookingId", "createdById") values (9601, 'Odd', 9601, 5),
                       (9602, 'By the one who breaks a rule', 14, 301);
                insert into "BookingReference" (id, type, uid, "bookingId") values (9601, 'daily_video', 'o-ref', 9601);
                insert into "Payment" (id, uid, "bookingId", amount, fee, currency, success, refunded, data, "externalId")
                values (9701, 'pay-overlap', 9601, 1000, 30, 'usd', true, false, '{}', 'pi_overlap'),
                       (9702, 'pay-fee', 2, 1000, 1001, 'usd', false, false, '{}', 'pi_fee'),
                       (9703, 'pay-refund', 4, 1000, 30, 'usd', false, true, '{}', 'pi_refund'),
                       (9704, 'pay-xyz', 5, 1000, 30, 'xyz', false, false, '{}', 'pi_xyz');
                set session_replication_role = replica;
                insert into "Booking" (id, uid, "userId", "eventTypeId", title, "startTime", "endTime", status, "iCalUID")
                values (9602, 'no-type', 6, 9999, 'Dangling', timestamp '2026-06-02 08:00:00',
                        timestamp '2026-06-02 08:30:00', 'accepted', 'd');
                insert into "Attendee" (id, email, name, "timeZone", "bookingId") values (99999, 'x@mail.example', 'X', 'UTC', 88888);
                insert into "EventType" (id, "userId", title, slug, length) values (9001, 999, 'Orphan', 'orphan', 15);
                insert into "Host" ("userId", "eventTypeId", "createdAt") values (888, 520, timestamp '2024-01-01 00:00:00');
                insert into "Payment" (id, uid, "bookingId", amount, fee, currency, success, refunded, data, "externalId")
                values (9705, 'pay-none', 88888, 1000, 30, 'usd', false, false, '{}', 'pi_none');
                set session_replication_role = origin;
                """);
        // Settings of organizations 1 and 2; planted, organization 3's with no domain to auto-accept, and settings of
        // a team that is no organization and of the reported team 30.
        db.execute("""
                insert into "OrganizationSettings" (id, "organizationId", "isOrganizationConfigured",
                                                    "isOrganizationVerified", "orgAutoAcceptEmail", "isAdminReviewed",
                                                    "allowSEOIndexing", "orgAutoJoinOnSignup",
                                                    "disableAttendeeCancellationEmail")
                values (1, 1, true, true, 'org1.example', true, true, false, false),
                       (2, 2, true, false, 'mail.org2.example', false, false, true, true),
                       (3, 3, false, false, 'not a domain', false, false, true, false),
                       (4, 20, false, false, 'team.example', false, false, true, false),
                       (5, 30, false, false, 'lost.example', false, false, true, false);
                """);
        // Slots held for bookers of every 50th personal event type until tomorrow, and two released before the import
        // (left out and listed); planted, a second row of one uid (cal.com holds a round-robin slot once per host), a
        // hold of a reported event type and one that ends before it starts.
        db.execute("""
                insert into "SelectedSlots" (id, "eventTypeId", "userId", "slotUtcStartDate", "slotUtcEndDate", uid,
                                             "releaseAt", "isSeat")
                select i, i, i, timestamp '2027-02-01 09:00:00' + i * interval '1 hour',
                       timestamp '2027-02-01 09:30:00' + i * interval '1 hour', 'hold-' || i,
                       date_trunc('second', now() at time zone 'UTC') + interval '1 day', i % 100 = 0
                from generate_series(50, 300, 50) i;
                insert into "SelectedSlots" (id, "eventTypeId", "userId", "slotUtcStartDate", "slotUtcEndDate", uid,
                                             "releaseAt")
                values (901, 2, 2, timestamp '2027-02-02 09:00:00', timestamp '2027-02-02 09:30:00', 'gone-1',
                        timestamp '2026-01-01 00:00:00'),
                       (902, 4, 4, timestamp '2027-02-02 09:00:00', timestamp '2027-02-02 09:30:00', 'gone-2',
                        timestamp '2026-01-01 00:00:00'),
                       (903, 52, 51, timestamp '2027-02-01 11:00:00', timestamp '2027-02-01 11:30:00', 'hold-50',
                        now() at time zone 'UTC' + interval '1 day'),
                       (904, 3, 3, timestamp '2027-02-01 11:00:00', timestamp '2027-02-01 11:30:00', 'hold-3',
                        now() at time zone 'UTC' + interval '1 day'),
                       (905, 6, 6, timestamp '2027-02-01 11:00:00', timestamp '2027-02-01 10:30:00', 'hold-back',
                        now() at time zone 'UTC' + interval '1 day');
                """);
        // Custom inputs of every 25th personal event type: a text question and a choice; planted, one without a
        // label and two of reported event types.
        db.execute("""
                insert into "EventTypeCustomInput" (id, "eventTypeId", label, required, type, placeholder, options)
                select i * 10 + 1, i, 'Company', i % 2 = 0, 'text', 'Acme', null from generate_series(25, 300, 25) i;
                insert into "EventTypeCustomInput" (id, "eventTypeId", label, required, type, options)
                select i * 10 + 2, i, 'Coffee or tea?', true, 'radio',
                       '[{"label": "Coffee", "type": "text"}, {"label": "Tea", "type": "text"}]'
                from generate_series(25, 300, 25) i;
                insert into "EventTypeCustomInput" (id, "eventTypeId", label, required, type)
                values (9801, 9001, 'Orphan', false, 'text'), (9802, 2, ' ', false, 'text'),
                       (9803, 3, 'Of user 3', false, 'bool');
                """);
        // Private links of every tenth personal event type, some expiring; planted, one of a reported event type, one
        // used already and one that may never be used.
        db.execute("""
                insert into "HashedLink" (id, link, "eventTypeId", "expiresAt", "maxUsageCount", "usageCount")
                select i, md5('link' || i), i,
                       case when i % 30 = 0 then timestamp '2027-01-01 00:00:00' + i * interval '1 hour' end,
                       1 + i % 3, 0
                from generate_series(10, 300, 10) i;
                insert into "HashedLink" (id, link, "eventTypeId", "maxUsageCount", "usageCount")
                values (9901, 'orphan-link', 9001, 1, 0), (9902, 'used-link', 2, 2, 1), (9903, 'never-link', 4, 0, 0);
                """);
        CalcomImportPaymentRows.fill(db);
    }

    private String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ImportCommandLine.run(AllInOneApplication.class, args, new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        return code + "\n" + bytes.toString(StandardCharsets.UTF_8);
    }

    private static String line(String table, int source, int target, int differences, int reported) {
        return String.format("%-14s source %d rows, target %d rows, %d differences (%d of reported rows)", table,
                source, target, differences, reported);
    }

    private String[] importArgs(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("import", "--from", sourceUrl, "--user", "postgres",
                "--report", directory.resolve("report.tsv").toString(), "--spring.datasource.url=" + targetUrl,
                "--spring.datasource.username=postgres", "--spring.main.web-application-type=none"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void a_calcom_database_is_imported_projected_and_equal_but_for_the_reported_rows_and_new_commands_keep_the_rules()
            throws Exception {
        String refused = run(importArgs());
        assertThat(refused).as("rule breakers found, no choice made").startsWith("2\n")
                .contains("rows break our rules");
        String report = Files.readString(directory.resolve("report.tsv"));
        assertThat(report).contains("users\t301\t", "users\t302\t", "Schedule\t3002\t", "Availability\t9002\t", "Team\t30\t", "Membership\t5000\t",
                "Membership\t5001\t", "users\t3\t",
                "Schedule\t3001\t", "Availability\t9001\t");
        assertThat(report).contains(CalcomImportAutomationRows.PLANTED).contains(CalcomImportAutomationRows.DEFERRED);
        assertThat(report).contains(CalcomImportIdentityRows.PLANTED).contains(CalcomImportPhoneCallRows.PLANTED)
                .contains(CalcomImportDelegationRows.PLANTED).contains(CalcomImportBillingRows.PLANTED);
        assertThat(report).as("the planted scheduling rule breakers and what hangs off them").contains(
                "Booking\t9601\thost 5 has an accepted or pending booking overlapping", "Attendee\t99601\t",
                "Tracking\t9601\t", "BookingReference\t9601\t",
                "BookingInternalNote\t9601\tbooking 9601 breaks", "BookingInternalNote\t9602\tbooking 14 or author 301", "Booking\t9602\tevent type 9999 does not exist",
                "Booking\t9603\tuser 301 does not exist", "Attendee\t99999\tbooking 88888 does not exist",
                "EventType\t9001\towner user 999", "Host\t520\thost user 888", "EventType\t3\towner user 3",
                "EventType\t7\tprofile 900 does not exist or breaks a rule",
                "Availability\t5010\tuser 10 or event type 3 does not exist");
        assertThat(report).as("the planted custom inputs").contains(
                "EventTypeCustomInput\t9801\tevent type 9001 does not exist", "EventTypeCustomInput\t9802\thas no label",
                "EventTypeCustomInput\t9803\tevent type 3 does not exist");
        assertThat(report).as("the planted private links").contains("HashedLink\t9901\tevent type 9001",
                "HashedLink\t9902\tused 1 times", "HashedLink\t9903\tmaxUsageCount 0");
        assertThat(report).as("the planted organization settings").contains(
                "OrganizationSettings\t3\torgAutoAcceptEmail 'not a domain'",
                "OrganizationSettings\t4\torganization 20 is not imported or not an organization",
                "OrganizationSettings\t5\torganization 30");
        assertThat(report).as("the planted and the released slots").contains(
                "SelectedSlots\t903\tuid 'hold-50' is reservation 50's", "SelectedSlots\t904\tevent type 3",
                "SelectedSlots\t905\tdoes not start before it ends", "SelectedSlots\t901\tnot imported yet: released",
                "SelectedSlots\t902\tnot imported yet: released");
        assertThat(report).as("the planted payments").contains("Payment\t9701\tbooking 9601 does not exist or breaks",
                "Payment\t9702\tfee 1001", "Payment\t9703\trefunded but never paid",
                "Payment\t9704\t'xyz' is not an ISO 4217", "Payment\t9705\tbooking 88888 does not exist");
        assertThat(report).as("the planted reminders, and those left out").contains(
                CalcomImportPaymentRows.REMINDERS_REPORTED);
        assertThat(report).as("the planted host reminders").contains(CalcomImportReminderMailRows.REPORTED);

        String dryRun = run(importArgs("--dry-run", "--skip-rule-breaking"));
        assertThat(dryRun).startsWith("0\n").contains("would import: {users=299, Team=13, Membership=")
                .contains("Schedule=399, Availability=623, EventType=")
                .contains("skipped tables (not read by the import): InternalNotePreset, BookingDenormalized,")
                .contains("  Session: left out: cal.com signs users in with JSON web tokens")
                .doesNotContain("UserPassword:", "  Account:", "  Impersonations:", "  AIPhoneCallConfiguration:");

        java.time.Instant importStarted = java.time.Instant.now();
        String imported = run(importArgs("--skip-rule-breaking"));
        java.time.Instant importEnded = java.time.Instant.now();
        System.out.println(imported);
        assertThat(imported).as(imported).startsWith("0\n")
                .contains("imported: {users=299, Team=13, Membership=", "Schedule=399, Availability=623, EventType=")
                .containsPattern("Membership +source \\d+ rows, target \\d+ rows, 0 differences \\(\\d+ of reported")
                .contains(line("users", 303, 299, 0, 6), line("Team", 15, 13, 0, 2),
                        line("Schedule", 402, 399, 0, 3),
                        line("Availability", 627, 623, 0, 5))
                .contains(CalcomImportAutomationRows.IMPORTED).contains(CalcomImportAutomationRows.COMPARED);
        assertThat(imported).as("paid, refunded and open payments; the paid bookings are compared with Booking")
                .contains(line("Payment", 429, 424, 0, 5));
        assertThat(imported).as("reminders planned, sent, failed, cancelled; not those past and never sent")
                .contains(line("WorkflowReminder", 15, 7, 0, 8));
        assertThat(imported).as("the hosts' reminders sent").contains(CalcomImportReminderMailRows.COMPARED);
        assertThat(imported).contains(line("EventTypeCustomInput", 27, 24, 0, 3));
        assertThat(imported).contains(line("HashedLink", 33, 30, 0, 3));
        assertThat(imported).contains(CalcomImportIdentityRows.IMPORTED).contains(CalcomImportIdentityRows.COMPARED)
                .contains(CalcomImportPhoneCallRows.COMPARED).contains(CalcomImportDelegationRows.COMPARED)
                .contains(CalcomImportBillingRows.IMPORTED).contains(CalcomImportBillingRows.COMPARED);
        assertThat(imported).contains(line("OrganizationSettings", 5, 2, 0, 3));
        assertThat(imported).contains(line("SelectedSlots", 11, 6, 0, 5));
        assertThat(source.queryForObject("select count(*) from \"Booking\" where paid", Integer.class)).isEqualTo(302);
        CalcomImportPaymentRows.checkImported(new JdbcTemplate(new SingleConnectionDataSource(targetUrl, "postgres", "",
                true)), importStarted, importEnded);
        CalcomImportReminderMailRows.checkImported(new JdbcTemplate(new SingleConnectionDataSource(targetUrl,
                "postgres", "", true)));
        for (String table : List.of("EventType", "Host", "Booking", "Attendee", "BookingSeat", "BookingReference",
                "Tracking", "BookingInternalNote")) {
            int rows = source.queryForObject("select count(*) from \"" + table + "\"", Integer.class);
            assertThat(imported).as(table).containsPattern(String.format("%-14s source %d rows, target \\d+ rows, "
                    + "0 differences \\(\\d+ of reported rows\\)", table, rows));
        }
        int bookings = source.queryForObject("select count(*) from \"Booking\"", Integer.class);
        for (String derived : List.of("BookingDenormalized", "booking_listing")) {
            assertThat(imported).as(derived + ", derived from the source's bookings").containsPattern(String.format(
                    "%-14s source %d rows, target \\d+ rows, 0 differences \\(3 of reported rows\\)", derived,
                    bookings));
        }
        assertThat(imported).containsPattern("\\d+ rows in [\\d.]+ s: \\d+ rows/s");
        assertThat(imported).as("the sections that add columns to imported rows show their progress by name")
                .contains("EventTypeColumnsImport ", "AvailabilityOwnersImport ");

        String again = run(importArgs("--skip-rule-breaking"));
        assertThat(again).startsWith("2\n").contains("The event store holds", "empty event store only");

        JdbcTemplate projected = new JdbcTemplate(new SingleConnectionDataSource(targetUrl, "postgres", "", true));
        projected.update("update \"BookingDenormalized\" set \"userName\" = 'Someone else' where id = 11");
        projected.update("update query_side.booking_listing set \"recurringEventId\" = null where id = 22");
        String key104 = projected.queryForObject("select key::text from \"Credential\" where id = 104", String.class);
        projected.update("update \"Credential\" set key = to_jsonb(?::text) where id = 104",
                com.calcomalt.platform.secrets.SecretBox.withKey(com.calcomalt.platform.secrets.SecretBox.DEVELOPMENT_KEY)
                        .seal("{\"url\":\"https://elsewhere.example/\"}"));
        String keyGoogle = projected.queryForObject(
                "select \"serviceAccountKey\"::text from \"DelegationCredential\" where id = 'dc-google'", String.class);
        projected.update("update \"DelegationCredential\" set \"serviceAccountKey\" = jsonb_build_object("
                + "'encrypted_credentials', ?::text) where id = 'dc-google'",
                com.calcomalt.platform.secrets.SecretBox.withKey(com.calcomalt.platform.secrets.SecretBox.DEVELOPMENT_KEY)
                        .seal("{\"private_key\":\"other-pk\",\"client_email\":\"sa@acme.iam.example\","
                                + "\"client_id\":\"1001\",\"tenant_id\":null}"));
        String compared = run("compare", "--from", sourceUrl, "--user", "postgres", "--to", targetUrl,
                "--to-user", "postgres");
        assertThat(compared).as("the read models are compared with what the source derives")
                .contains("BookingDenormalized id 11: different values", "booking_listing id 22: different values")
                .as("Credential.key is compared by what each side opens it to")
                .contains("Credential id 104: key opens to other values")
                .as("serviceAccountKey too, with cal.com's CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY")
                .contains("DelegationCredential id dc-google: serviceAccountKey opens to other values")
                .doesNotContain("DomainWideDelegation id dc-google", "dc-ms:");
        projected.update("update \"DelegationCredential\" set \"serviceAccountKey\" = ?::jsonb where id = 'dc-google'",
                keyGoogle);
        projected.update("update \"Credential\" set key = ?::jsonb where id = 104", key104);
        projected.update("update \"BookingDenormalized\" set \"userName\" = 'Person 11' where id = 11");
        projected.update("update query_side.booking_listing set \"recurringEventId\" = 'series-0' where id = 22");
        assertThat(compared).startsWith("1\n").contains("users id 301: missing in target")
                .contains(String.format("%-14s source %d rows, target %d rows, %d differences", "Schedule", 402, 399, 3));

        // A web application of its own on the imported database: not an API test's context, which is on another.
        try (var context = new SpringApplicationBuilder(AllInOneApplication.class).web(WebApplicationType.SERVLET)
                .run("--spring.datasource.url=" + targetUrl, "--spring.datasource.username=postgres",
                        "--server.port=0", "--calalt.bootstrap-api-key=" + ADMIN_KEY,
                        "--calalt.stripe.secret-key=" + com.calcomalt.allinone.StripeFake.SECRET_KEY,
                        "--calalt.stripe.webhook-secret=" + com.calcomalt.allinone.StripeFake.WEBHOOK_SECRET,
                        "--calalt.stripe.connect-webhook-secret="
                                + com.calcomalt.allinone.StripeFake.CONNECT_WEBHOOK_SECRET,
                        "--calalt.stripe.api-base=" + com.calcomalt.allinone.StripeFake.baseUrl(),
                        "--calalt.stripe.calls.initial-backoff=1s")) {
            CalcomImportAutomationRows.stillWorkOverHttp(context);
            CalcomImportDelegationRows.stillWork(context, ADMIN_KEY);
            CommandGateway commands = context.getBean(CommandGateway.class);
            CalcomImportIdentityRows.passwordsStillWork(commands);
            CalcomImportIdentityRows.linkedAccountsStayTheirs(commands);
            CalcomImportIdentityRows.importedDetailsStay(commands, context.getBean(JdbcTemplate.class));
            IdAllocator ids = context.getBean(IdAllocator.class);
            CalcomImportIdentityRows.impersonationIdsFollow(ids);
            CalcomImportBillingRows.stillWork(context, ADMIN_KEY, ids, commands);
            JdbcTemplate target = context.getBean(JdbcTemplate.class);
            var admin = CallerMetaData.of(new Caller(1, true, null));

            assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterUser(
                    ids.next("users"), UUID.randomUUID(), "Person7@EXAMPLE0.com", "newcomer", "New", "Europe/Berlin",
                    "Monday", "en", 24, IdentityProvider.CAL, null, null)).andMetaData(admin)))
                    .as("an imported email in another case is taken").hasMessageContaining("already taken");

            int newUser = ids.next("users");
            assertThat(newUser).as("new ids follow the imported ones").isGreaterThan(301);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterUser(newUser, UUID.randomUUID(),
                    "newcomer@example.com", "newcomer", "New", "Europe/Berlin", "Monday", "en", 24,
                    IdentityProvider.CAL, null, null)).andMetaData(admin));
            assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterUser(
                    ids.next("users"), UUID.randomUUID(), "other@example.com", "PERSON5", null, "Europe/Berlin",
                    "Monday", "en", 24, IdentityProvider.CAL, null, null)).andMetaData(admin)))
                    .as("an imported username in another case is taken").hasMessageContaining("already taken");

            TeamSettings asCalcomMakesThem = new TeamSettings(null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null);
            var member5 = CallerMetaData.of(new Caller(5, false, null));
            assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateTeam(
                    ids.next("Team"), "Again", "team-1", null, false, asCalcomMakesThem, null, null,
                    ids.next("Membership"), 0, null)).andMetaData(member5)))
                    .as("an imported team's slug is taken").hasMessageContaining("The slug 'team-1' is taken");
            int team = ids.next("Team");
            int owner = ids.next("Membership");
            assertThat(team).as("new ids follow the imported ones").isGreaterThan(30);
            assertThat(owner).isGreaterThan(5001);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateTeam(team, "Fresh", "fresh", null,
                    false, asCalcomMakesThem, null, null, owner, 0, null)).andMetaData(member5));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> target.queryForObject(
                    "select count(*) from \"Membership\" where id = ? and \"teamId\" = ?", Integer.class, owner, team) == 1);

            int schedule = ids.next("Schedule");
            assertThat(schedule).isGreaterThan(3002);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateSchedule(schedule, 10, "Mornings",
                    "Asia/Tokyo", List.of(new WeeklyRange(ids.next("Availability"), List.of(1), LocalTime.of(7, 0),
                    LocalTime.of(9, 0))), List.of(), false)).andMetaData(CallerMetaData.of(new Caller(10, false, null))));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> target.queryForObject(
                    "select count(*) from \"Schedule\" where id = ?", Integer.class, schedule) == 1);
            assertThat(target.queryForObject("select \"defaultScheduleId\" from users where id = 10", Integer.class))
                    .as("the imported default stays the default").isEqualTo(1010);

            newBookingsOnImportedOnesKeepTheRules(context.getEnvironment().getProperty("local.server.port"), target);
            String busyReminder = "ca1c0000-0000-4000-8000-000000000801";
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(
                    target.queryForObject("select cancelled from \"WorkflowReminder\" where id = 801", Boolean.class)));
            assertThat(target.queryForObject("select count(*) from scheduler.scheduled_tasks where task_instance = ?",
                    Integer.class, busyReminder)).as("the imported reminder of the cancelled booking is not sent")
                    .isZero();
            CalcomImportPaymentRows.stillPayOverHttp(context.getEnvironment().getProperty("local.server.port"),
                    ADMIN_KEY, target);
            CalcomImportReminderMailRows.laterChangesArePlanned(target, ids);
        }
    }

    private static final String ADMIN_KEY = "cal_0000000000000000000000000import";

    /** Person 2's imported event type, hours and booking: a free slot books, the imported busy one is a 409 until cancelled. */
    private void newBookingsOnImportedOnesKeepTheRules(String port, JdbcTemplate target) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        java.util.function.BiFunction<String, String, HttpResponse<String>> post = (path, body) -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        String booker = "{\"start\": \"%s\", \"eventTypeId\": 2, \"attendee\": {\"name\": \"New\","
                + " \"email\": \"new@mail.example\", \"timeZone\": \"Europe/Berlin\"}}";

        String freeSlot = PlantedDates.instant("2027-03-01T11:00:00Z");
        String busySlot = PlantedDates.instant("2027-03-01T09:00:00Z");
        HttpResponse<String> free = post.apply("/v2/bookings", String.format(booker, freeSlot));
        assertThat(free.statusCode()).as(free.body()).isEqualTo(201);
        int bookingId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(free.body()).at("/data/id").asInt();
        assertThat(bookingId).as("new booking ids follow the imported ones").isGreaterThan(9603);

        HttpResponse<String> busy = post.apply("/v2/bookings", String.format(booker, busySlot));
        assertThat(busy.statusCode()).as("the imported booking keeps its slot: " + busy.body()).isEqualTo(409);
        HttpResponse<String> buffered = post.apply("/v2/bookings", String.format(booker,
                PlantedDates.instant("2027-03-01T09:30:00Z")));
        assertThat(buffered.statusCode()).as("and its event type's buffer: " + buffered.body()).isEqualTo(409);

        HttpResponse<String> cancelled = post.apply("/v2/bookings/imported-busy/cancel",
                "{\"cancellationReason\": \"Moved to the new system\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> target.queryForObject(
                "select status::text from \"Booking\" where uid = 'imported-busy'", String.class).equals("cancelled"));
        HttpResponse<String> freed = post.apply("/v2/bookings", String.format(booker, busySlot));
        assertThat(freed.statusCode()).as("the cancelled imported booking frees its slot: " + freed.body())
                .isEqualTo(201);
        // The two booked here, and the one CalcomImportAutomationRows booked for the imported webhook.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> target.queryForObject(
                "select count(*) from \"Booking\" where id > 9603", Integer.class) == 3);
        assertThat(target.queryForList("select processing_group from eventstore.dead_letter_entry", String.class))
                .as("every processor took the imported bookings and their later changes").isEmpty();
    }
}
