package com.calcomalt.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.platform.deadletters.DeadLetters;
import com.calcomalt.query.projections.CalcomProjectionsConfiguration;
import com.calcomalt.query.support.PoisonableProjector;
import com.calcomalt.query.support.QuerySideTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ProjectionReplayTest extends QuerySideTest {

    @Autowired
    DeadLetters deadLetters;
    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    PlatformTransactionManager springTransactions;

    @Test
    void only_the_projections_commit_without_waiting_for_the_disk() {
        assertThat(synchronousCommitIn(eventProcessing.transactionManager(CalcomProjectionsConfiguration.PROCESSOR)))
                .isEqualTo("off");
        assertThat(synchronousCommitIn(axonTransactions)).isEqualTo("on");
    }

    /**
     * The setting inside a transaction of the given manager, joining one that asked for commits that wait
     * (the throw-away test server does not wait for any, so its default would not tell them apart).
     */
    private String synchronousCommitIn(TransactionManager transactions) {
        return new TransactionTemplate(springTransactions).execute(status -> {
            jdbc.execute("set local synchronous_commit = on");
            return transactions.fetchInTransaction(() -> jdbc.queryForObject("show synchronous_commit", String.class));
        });
    }

    @Test
    void a_replay_rebuilds_the_users_table_identically() {
        Instant at = Instant.parse("2026-03-29T01:30:00.250Z");
        for (int i = 0; i < 25; i++) {
            int userId = uniqueId();
            publish("User", UserIds.aggregateId(userId),
                    new UserRegistered(userId, UUID.randomUUID(), "r" + userId + "@example.com", "r" + userId,
                            "R " + i, "Europe/Berlin", "Monday", "en", 24, IdentityProvider.CAL, null,
                            CreationSource.api_v2, at.plusSeconds(i)));
            if (i % 2 == 0) {
                publish("User", UserIds.aggregateId(userId),
                        new UserEmailChanged(userId, "r" + userId + "@example.com", "s" + userId + "@example.com", at),
                        new UserProfileUpdated(userId, "s" + userId, "S " + i, "bio " + i, "Asia/Tokyo", "Sunday",
                                "ja", 12, null, "#000000", null, null, null, true, false, Map.of("i", i), at));
            }
            if (i % 3 == 0) {
                publish("User", UserIds.aggregateId(userId), new UserLocked(userId, at));
            }
        }
        awaitProjectionsCaughtUp();
        List<String> before = rowsAsJson("users");
        assertThat(before).hasSizeGreaterThanOrEqualTo(25);

        rebuild(ProjectionReplay.Mode.REBUILD);

        assertThat(rowsAsJson("users")).containsExactlyElementsOf(before);
    }

    @Test
    void a_verify_finds_the_rebuild_identical_and_names_a_table_whose_row_was_changed_by_hand() {
        int userId = uniqueId();
        publish("User", UserIds.aggregateId(userId), registered(userId, "verified-" + userId));
        awaitProjectionsCaughtUp();

        rebuild(ProjectionReplay.Mode.VERIFY);
        ProjectionReplay.Verification identical = projections.status().processors().get(0).lastVerification();
        assertThat(identical.differing()).isEmpty();
        assertThat(identical.identical()).isTrue();
        assertThat(identical.tables()).extracting(ProjectionReplay.TableComparison::table)
                .contains("users", "Booking", "query_side.booking_listing");
        assertThat(identical.tables()).extracting(ProjectionReplay.TableComparison::table)
                .as("every group's table, and the tables groups write besides their own")
                .containsAll(tablesNamedByGroups())
                .contains("Attendee", "BookingSeat", "Tracking", "Availability", "query_side.credential_calendars",
                        "Feature", "TeamFeatures", "UserFeatures", "Seat", "SeatChangeLog", "TeamBilling",
                        "OrganizationBilling", "Credential", "SelectedCalendar", "DestinationCalendar");

        jdbc.update("update users set name = 'changed by hand' where id = ?", userId);
        rebuild(ProjectionReplay.Mode.VERIFY);
        ProjectionReplay.Verification tampered = projections.status().processors().get(0).lastVerification();
        assertThat(tampered.identical()).isFalse();
        assertThat(tampered.differing()).containsExactly("users");

        rebuild(ProjectionReplay.Mode.REBUILD);
        assertThat(jdbc.queryForObject("select name from users where id = ?", String.class, userId)).isNull();
    }

    @Test
    void a_failing_event_is_dead_lettered_with_its_aggregate_and_every_other_aggregate_goes_on() {
        PoisonableProjector.failing = true;
        try {
            int poisonRow = uniqueId();
            String poisonAggregate = "poison:" + poisonRow;
            publish("Test", poisonAggregate, new PoisonableProjector.Poison(poisonRow, UUID.randomUUID(), Instant.now()));
            int userId = uniqueId();
            publish("User", UserIds.aggregateId(userId), registered(userId, "after-poison-" + userId));
            publish("Test", poisonAggregate, new PoisonableProjector.Poison(poisonRow, UUID.randomUUID(), Instant.now()));

            awaitProjectionsCaughtUp();
            assertThat(count(userId)).as("another aggregate's event after the failing one").isEqualTo(1);
            assertThat(count(poisonRow)).as("what the failing handler wrote is rolled back to its savepoint").isZero();
            assertThat(deadLetters.sequences()).filteredOn(s -> s.sequenceIdentifier().equals(poisonAggregate))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.processingGroup()).isEqualTo("calcom.test-poison");
                        assertThat(s.letters()).as("the aggregate's later event waits behind the first").isEqualTo(2);
                        assertThat(s.firstSequenceNumber()).isZero();
                        assertThat(s.causeMessage()).contains("refusing " + poisonRow);
                    });

            PoisonableProjector.failing = false;
            DeadLetters.RetryOutcome outcome = deadLetters.retryAll();
            assertThat(outcome.retried()).isEqualTo(2);
            // Only this aggregate's: a rebuild holds back again what earlier tests stored and cannot be stored.
            assertThat(deadLetters.sequences()).noneMatch(s -> s.sequenceIdentifier().equals(poisonAggregate));
            assertThat(count(poisonRow)).isEqualTo(1);

            List<String> users = rowsAsJson("users");
            rebuild(ProjectionReplay.Mode.REBUILD);
            assertThat(rowsAsJson("users")).as("the retried rows equal a rebuild").containsExactlyElementsOf(users);
        } finally {
            PoisonableProjector.failing = false;
        }
    }

    @Test
    void a_text_that_postgresql_cannot_store_holds_back_only_its_own_user() {
        int poisoned = uniqueId();
        int other = uniqueId();
        publish("User", UserIds.aggregateId(poisoned), registered(poisoned, "nul-\u0000-" + poisoned));
        publish("User", UserIds.aggregateId(other), registered(other, "fine-" + other));

        awaitProjectionsCaughtUp();
        assertThat(count(other)).isEqualTo(1);
        assertThat(count(poisoned)).isZero();
        assertThat(deadLetters.sequences()).filteredOn(s -> s.sequenceIdentifier().equals(UserIds.aggregateId(poisoned)))
                .extracting(DeadLetters.DeadLetterSequence::processingGroup).containsExactly("calcom.users");

        DeadLetters.RetryOutcome again = deadLetters.retryAll();
        assertThat(again.remaining()).as("a letter that fails again stays queued").isGreaterThanOrEqualTo(1);
        assertThat(deadLetters.sequences()).anyMatch(s -> s.sequenceIdentifier().equals(UserIds.aggregateId(poisoned)));
        assertThat(count(other)).isEqualTo(1);

        assertThat(deadLetters.evict("calcom.users", UserIds.aggregateId(poisoned))).isTrue();
        assertThat(deadLetters.sequences()).noneMatch(s -> s.sequenceIdentifier().equals(UserIds.aggregateId(poisoned)));
        assertThat(deadLetters.evict("calcom.users", UserIds.aggregateId(poisoned))).isFalse();
    }

    @Test
    void a_rebuild_holds_back_the_event_the_live_processor_dead_lettered_and_the_letter_stays_queued_once() {
        int poisoned = uniqueId();
        int other = uniqueId();
        String poisonedAggregate = UserIds.aggregateId(poisoned);
        publish("User", poisonedAggregate, registered(poisoned, "nul-\u0000-" + poisoned));
        publish("User", UserIds.aggregateId(other), registered(other, "fine-" + other));
        awaitProjectionsCaughtUp();
        assertThat(lettersOf(poisonedAggregate)).containsExactly("calcom.users: 1");
        List<String> users = rowsAsJson("users");
        try {
            rebuild(ProjectionReplay.Mode.REBUILD);

            assertThat(rowsAsJson("users")).containsExactlyElementsOf(users);
            assertThat(lettersOf(poisonedAggregate)).as("held back once, in the live group's queue")
                    .containsExactly("calcom.users: 1");
            assertThat(jdbc.queryForObject("select count(*) from eventstore.dead_letter_entry where processing_group like '%~rebuild'",
                    Integer.class)).as("no rebuild queue is left behind").isZero();

            publish("User", poisonedAggregate, new UserLocked(poisoned, Instant.now()));
            awaitProjectionsCaughtUp();
            assertThat(lettersOf(poisonedAggregate)).as("after the switch the aggregate's next event waits behind its letter")
                    .containsExactly("calcom.users: 2");

            rebuild(ProjectionReplay.Mode.VERIFY);
            ProjectionReplay.Verification verification = projections.status().processors().get(0).lastVerification();
            assertThat(verification.differing()).isEmpty();
            assertThat(lettersOf(poisonedAggregate)).containsExactly("calcom.users: 2");
        } finally {
            deadLetters.evict("calcom.users", poisonedAggregate);
        }
    }

    @Test
    void a_rebuild_after_an_organization_with_sub_teams_was_deleted_cascades_as_the_live_tables_did_and_switches_in() {
        Instant at = Instant.parse("2026-05-04T10:15:30.125Z");
        int owner = uniqueId();
        int member = uniqueId();
        publish("User", UserIds.aggregateId(owner), registered(owner, "org-owner-" + owner));
        publish("User", UserIds.aggregateId(member), registered(member, "org-member-" + member));
        int org = uniqueId();
        int sales = uniqueId();
        int support = uniqueId();
        int orgMembership = uniqueId();
        int salesMembership = uniqueId();
        int profile = uniqueId();
        publish("Team", "team:" + org, new TeamCreated(org, "Org", "org-" + org, null, true, SETTINGS, owner, at));
        publish("Team", "team:" + sales, new TeamCreated(sales, "Sales", "sales-" + sales, org, false, SETTINGS, owner, at));
        publish("Team", "team:" + support, new TeamCreated(support, "Support", "support-" + support, org, false, SETTINGS,
                owner, at));
        publish("Membership", "membership:" + orgMembership,
                new MembershipCreated(orgMembership, org, member, MembershipRole.MEMBER, true, at),
                new OrganizationProfileCreated(profile, "uid-" + profile, member, org, "member" + member, at));
        publish("Membership", "membership:" + salesMembership,
                new MembershipCreated(salesMembership, sales, member, MembershipRole.MEMBER, true, at));
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("select \"organizationId\" from users where id = ?", Integer.class, member)).isEqualTo(org);

        publish("Team", "team:" + org, new TeamDeleted(org, null, at.plusSeconds(60)));
        awaitProjectionsCaughtUp();
        assertThat(jdbc.queryForObject("select count(*) from \"Team\" where id in (?, ?, ?)", Integer.class, org, sales, support))
                .as("the sub-teams go with their organization (ON DELETE CASCADE)").isZero();
        assertThat(jdbc.queryForObject("select count(*) from \"Membership\" where id in (?, ?)", Integer.class,
                orgMembership, salesMembership)).isZero();
        assertThat(jdbc.queryForObject("select \"organizationId\" from users where id = ?", Integer.class, member))
                .as("ON DELETE SET NULL").isNull();
        List<String> tables = List.of("Team", "Membership", "Profile", "OrganizationSettings", "users");
        Map<String, List<String>> before = new java.util.LinkedHashMap<>();
        tables.forEach(table -> before.put(table, rowsAsJson(table)));

        rebuild(ProjectionReplay.Mode.REBUILD);

        tables.forEach(table -> assertThat(rowsAsJson(table)).as(table).containsExactlyElementsOf(before.get(table)));
        rebuild(ProjectionReplay.Mode.VERIFY);
        ProjectionReplay.Verification verification = projections.status().processors().get(0).lastVerification();
        assertThat(verification.differing()).isEmpty();
        assertThat(verification.identical()).isTrue();
    }

    @Test
    void a_rebuild_is_swapped_in_without_copying_a_row_and_keeps_every_name_view_key_and_cascade() {
        int userId = uniqueId();
        publish("User", UserIds.aggregateId(userId), registered(userId, "swapped-" + userId));
        awaitProjectionsCaughtUp();
        jdbc.update("update users set name = 'changed by hand' where id = ?", userId);
        // A credential no event created, and a calendar cache row (a table no rebuild writes) that points at it.
        int credential = uniqueId();
        jdbc.update("insert into \"Credential\" (id, type, key) values (?, 'by_hand', '{}')", credential);
        jdbc.update("insert into \"CalendarCache\" (key, value, \"expiresAt\", \"credentialId\") values ('k', '{}', now(), ?)",
                credential);
        long usersBefore = relation("users");
        List<String> catalog = catalog();

        rebuild(ProjectionReplay.Mode.REBUILD);

        ShadowTables.Swap swap = projections.lastSwap().orElseThrow();
        assertThat(swap.rowsWritten()).as("the switch puts the rebuilt tables in place; it writes none of their rows")
                .containsKeys("users", "Booking", "query_side.booking_listing")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(relation("users")).as("the live users table is the rebuilt one")
                .isEqualTo(swap.relations().get("users")).isNotEqualTo(usersBefore);
        assertThat(jdbc.queryForObject("select name from users where id = ?", String.class, userId)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from \"CalendarCache\" where \"credentialId\" = ?", Integer.class,
                credential)).as("ON DELETE CASCADE from a table that is not rebuilt, as a merge deleting the row did").isZero();
        assertThat(swap.detached()).containsEntry("public.\"CalendarCache\"", 1L);
        assertThat(catalog()).as("names, definitions, views, keys pointing in, sequences").containsExactlyElementsOf(catalog);
        assertThat(jdbc.queryForObject("select count(*) from \"BookingTimeStatus\"", Integer.class)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from pg_namespace where nspname like 'rebuild_%'", Integer.class))
                .as("neither the shadow nor the tables moved away are left").isZero();
    }

    /**
     * The indexes a rebuild builds only at the head are kept up to date by nobody while it runs, so
     * none may be one a cascade or a unique check needs: each is a plain index of a rebuilt table that
     * leads with no foreign-key column. (That projectors never filter by their columns is checked by
     * reading them; the swap test above checks they are all there after the switch.)
     */
    @Test
    void the_indexes_built_at_the_head_are_plain_indexes_of_rebuilt_tables_no_cascade_needs() {
        String names = ProjectionTables.BUILT_AT_THE_HEAD.stream().map(name -> "'" + name + "'")
                .collect(Collectors.joining(", "));
        List<String> found = jdbc.queryForList("""
                select ic.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid
                join pg_class t on t.oid = i.indrelid
                where ic.relname in (%s) and not i.indisunique and not i.indisprimary
                  and not exists (select 1 from pg_constraint c where c.conrelid = t.oid and c.contype = 'f'
                                  and i.indkey[0] = any(c.conkey))""".formatted(names), String.class);
        assertThat(found).containsExactlyInAnyOrderElementsOf(ProjectionTables.BUILT_AT_THE_HEAD);
        Set<String> rebuilt = ProjectionTables.of(Set.of("calcom.Booking", "calcom.BookingDenormalized"),
                new ShadowTables(jdbc)).stream().map(ShadowTables.Table::name).collect(Collectors.toSet());
        assertThat(jdbc.queryForList("""
                select distinct t.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid
                join pg_class t on t.oid = i.indrelid where ic.relname in (%s)""".formatted(names), String.class))
                .allSatisfy(table -> assertThat(rebuilt).contains(table));
    }

    @Test
    void a_switch_that_waits_too_long_behind_a_long_read_lets_go_and_tries_again_until_it_gets_in() throws Exception {
        int userId = uniqueId();
        publish("User", UserIds.aggregateId(userId), registered(userId, "behind-a-read-" + userId));
        awaitProjectionsCaughtUp();
        List<String> users = rowsAsJson("users");
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement read = reader.createStatement()) {
                read.execute("lock table users in access share mode");
            }
            projections.start(null, ProjectionReplay.Mode.REBUILD);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_locks where relation = 'users'::regclass and mode = 'AccessExclusiveLock' "
                            + "and not granted", Integer.class) > 0);
            // Longer than a few of the switch's lock timeouts: it must have let go and come back.
            Thread.sleep(1_000);
            assertThat(projections.status().processors().get(0).rebuild().state())
                    .as("still switching behind the read").isEqualTo(ProjectionReplay.State.SWITCHING);
            reader.rollback();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> projections.status().processors().stream().allMatch(ProjectionReplay.ProcessorStatus::caughtUp));
        ProjectionReplay.RebuildStatus rebuild = projections.status().processors().get(0).rebuild();
        assertThat(rebuild.failure()).isNull();
        assertThat(rebuild.state()).isEqualTo(ProjectionReplay.State.DONE);
        assertThat(rowsAsJson("users")).containsExactlyElementsOf(users);
    }

    private static final TeamSettings SETTINGS = new TeamSettings(null, false, false, null, null, null, null, null,
            null, null, null, null, "Europe/London", "Sunday", false, null, null, false, RRResetInterval.MONTH,
            RRTimestampBasis.CREATED_AT, false);

    /** What each cal.com projector's group names: its table (the test's poison group writes none of its own). */
    private List<String> tablesNamedByGroups() {
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .map(bean -> AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class).value())
                .filter(group -> group.startsWith("calcom.") && !group.equals("calcom.test-poison"))
                .map(group -> group.substring("calcom.".length()))
                .distinct().toList();
    }

    /** The aggregate's dead-letter sequences, as "group: letters". */
    private List<String> lettersOf(String aggregate) {
        return deadLetters.sequences().stream().filter(s -> s.sequenceIdentifier().equals(aggregate))
                .map(s -> s.processingGroup() + ": " + s.letters()).toList();
    }

    private static UserRegistered registered(int userId, String username) {
        return new UserRegistered(userId, UUID.randomUUID(), username + "@example.com", username, null, "UTC",
                "Monday", null, 12, IdentityProvider.CAL, null, CreationSource.api_v2, Instant.now());
    }

    private long relation(String table) {
        return jdbc.queryForObject("select ?::regclass::oid::bigint", Long.class, table);
    }

    /** Everything of the live schemas a swap must keep as it was. */
    private List<String> catalog() {
        return jdbc.queryForList("""
                select 'index ' || pg_get_indexdef(i.indexrelid) from pg_index i join pg_class t on t.oid = i.indrelid
                join pg_namespace n on n.oid = t.relnamespace where n.nspname in ('public', 'query_side')
                union all
                select 'constraint ' || t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                       || ' valid ' || c.convalidated
                from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                where n.nspname in ('public', 'query_side', 'scheduler')
                union all
                select 'view ' || viewname || ' ' || definition from pg_views where schemaname = 'public'
                union all
                select 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' '
                       || is_nullable || ' ' || coalesce(column_default, '') || ' '
                       || coalesce(pg_get_serial_sequence(quote_ident(table_schema) || '.' || quote_ident(table_name), column_name), '')
                from information_schema.columns where table_schema in ('public', 'query_side')
                order by 1""", String.class);
    }

    private int count(int userId) {
        return jdbc.queryForObject("select count(*) from users where id = ?", Integer.class, userId);
    }
}
