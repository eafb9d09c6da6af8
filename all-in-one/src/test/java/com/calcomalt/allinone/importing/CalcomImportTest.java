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
        fill(source);
    }

    @org.junit.jupiter.api.AfterAll
    static void forgetCalcomKey() {
        System.clearProperty("CALENDSO_ENCRYPTION_KEY");
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

        String dryRun = run(importArgs("--dry-run", "--skip-rule-breaking"));
        assertThat(dryRun).startsWith("0\n").contains("would import: {users=299, Team=13, Membership=")
                .contains("Schedule=399, Availability=623, Feature=")
                .contains("skipped tables (not imported yet): OrganizationSettings, EventType, Host");

        String imported = run(importArgs("--skip-rule-breaking"));
        System.out.println(imported);
        assertThat(imported).as(imported).startsWith("0\n")
                .contains("imported: {users=299, Team=13, Membership=", "Schedule=399, Availability=623, Feature=")
                .containsPattern("Membership +source \\d+ rows, target \\d+ rows, 0 differences \\(\\d+ of reported")
                .contains(line("users", 302, 299, 0, 3), line("Team", 14, 13, 0, 1),
                        line("Schedule", 402, 399, 0, 3),
                        line("Availability", 627, 623, 0, 4))
                .contains(CalcomImportAutomationRows.IMPORTED).contains(CalcomImportAutomationRows.COMPARED);

        String again = run(importArgs("--skip-rule-breaking"));
        assertThat(again).startsWith("2\n").contains("The event store holds", "empty event store only");

        String compared = run("compare", "--from", sourceUrl, "--user", "postgres", "--to", targetUrl,
                "--to-user", "postgres");
        assertThat(compared).startsWith("1\n").contains("users id 301: missing in target")
                .contains(String.format("%-14s source %d rows, target %d rows, %d differences", "Schedule", 402, 399, 3));

        try (var context = new SpringApplicationBuilder(AllInOneApplication.class).web(WebApplicationType.SERVLET)
                .run("--spring.datasource.url=" + targetUrl, "--spring.datasource.username=postgres",
                        "--calalt.bootstrap-api-key=", "--server.port=0")) {
            CalcomImportAutomationRows.stillWorkOverHttp(context);
            CommandGateway commands = context.getBean(CommandGateway.class);
            IdAllocator ids = context.getBean(IdAllocator.class);
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
        }
    }
}
