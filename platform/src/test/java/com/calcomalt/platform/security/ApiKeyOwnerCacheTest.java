package com.calcomalt.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import com.calcomalt.platform.security.ApiKeyOwners.KeyOwner;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two caches on one database stand for two nodes: what one node changes, the other stops holding
 * when the change commits, however long its time to live.
 */
class ApiKeyOwnerCacheTest {

    private static final String KEY = "cal_0123456789abcdef0123456789abcdef";
    private static final Duration LONG = Duration.ofMinutes(10);
    private static EmbeddedPostgresServer server;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private final List<ApiKeyOwnerCache> started = new ArrayList<>();

    @BeforeAll
    static void database() {
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void oneUserWithOneKey() {
        jdbc.update("delete from command_side.api_keys");
        jdbc.update("delete from command_side.user_registry");
        jdbc.update("insert into command_side.user_registry (user_id, email_lower) values (7, 'seven@example.com')");
        jdbc.update("insert into command_side.api_keys (key_id, hashed_key, user_id) values ('k1', ?, 7)",
                ApiKeys.hash(KEY));
    }

    @AfterEach
    void stopNodes() {
        started.forEach(ApiKeyOwnerCache::stop);
    }

    @Test
    void a_key_is_read_once_and_then_held_for_its_time_to_live() {
        ApiKeyOwnerCache node = listeningNode(Duration.ofMillis(800));
        assertThat(node.of(KEY)).hasValueSatisfying(owner -> assertThat(owner.locked()).isFalse());

        // Changed behind the cache's back, with no notification: held until the time to live ends.
        jdbc.update("update command_side.user_registry set locked = true where user_id = 7");
        assertThat(node.of(KEY)).hasValueSatisfying(owner -> assertThat(owner.locked()).isFalse());
        await().atMost(Duration.ofSeconds(5)).until(() -> node.of(KEY).map(KeyOwner::locked).orElse(false));
    }

    @Test
    void a_change_committed_on_another_node_is_forgotten_here_when_it_commits() {
        ApiKeyOwnerCache here = listeningNode(LONG);
        ApiKeyOwnerCache there = listeningNode(LONG);
        assertThat(here.of(KEY)).hasValueSatisfying(owner -> assertThat(owner.locked()).isFalse());

        transactions.executeWithoutResult(status -> {
            jdbc.update("update command_side.user_registry set locked = true where user_id = 7");
            there.changed();
        });

        assertThat(there.of(KEY)).as("the changing node forgets at once")
                .hasValueSatisfying(owner -> assertThat(owner.locked()).isTrue());
        await().atMost(Duration.ofSeconds(5)).until(() -> here.of(KEY).map(KeyOwner::locked).orElse(false));
    }

    @Test
    void a_revoked_key_stops_working_on_every_node() {
        ApiKeyOwnerCache here = listeningNode(LONG);
        ApiKeyOwnerCache there = listeningNode(LONG);
        assertThat(here.of(KEY)).isPresent();

        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from command_side.api_keys where key_id = 'k1'");
            there.changed();
        });

        assertThat(there.of(KEY)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> here.of(KEY).isEmpty());
    }

    @Test
    void a_change_rolled_back_is_not_announced() throws Exception {
        ApiKeyOwnerCache here = listeningNode(LONG);
        ApiKeyOwnerCache there = listeningNode(LONG);
        assertThat(here.of(KEY)).isPresent();
        jdbc.update("update command_side.user_registry set role = 'ADMIN' where user_id = 7");

        transactions.executeWithoutResult(status -> {
            there.changed();
            status.setRollbackOnly();
        });

        Thread.sleep(1_500);
        assertThat(here.of(KEY)).as("still the key as held, since no notification came")
                .hasValueSatisfying(owner -> assertThat(owner.caller().systemAdmin()).isFalse());
    }

    @Test
    void a_held_key_expires_at_its_time_not_at_the_end_of_the_time_to_live() {
        jdbc.update("update command_side.api_keys set expires_at = ? where key_id = 'k1'",
                Timestamp.from(Instant.now().plusMillis(500)));
        ApiKeyOwnerCache node = listeningNode(LONG);
        assertThat(node.of(KEY)).hasValueSatisfying(owner -> assertThat(owner.expired()).isFalse());

        await().atMost(Duration.ofSeconds(5)).until(() -> node.of(KEY).map(KeyOwner::expired).orElse(false));
    }

    @Test
    void an_unknown_key_is_not_held_so_a_new_key_works_at_once() {
        ApiKeyOwnerCache node = listeningNode(LONG);
        String newKey = "cal_ffffffffffffffffffffffffffffffff";
        assertThat(node.of(newKey)).isEmpty();

        jdbc.update("insert into command_side.api_keys (key_id, hashed_key, user_id) values ('k2', ?, 7)",
                ApiKeys.hash(newKey));

        assertThat(node.of(newKey)).isPresent();
    }

    @Test
    void a_node_that_does_not_listen_holds_nothing() {
        ApiKeyOwnerCache deaf = new ApiKeyOwnerCache(new ApiKeyOwners(jdbc), jdbc.getDataSource(), jdbc, LONG);
        assertThat(deaf.of(KEY)).isPresent();

        jdbc.update("delete from command_side.api_keys where key_id = 'k1'");

        assertThat(deaf.of(KEY)).isEqualTo(Optional.empty());
    }

    private ApiKeyOwnerCache listeningNode(Duration timeToLive) {
        ApiKeyOwnerCache node = new ApiKeyOwnerCache(new ApiKeyOwners(jdbc), jdbc.getDataSource(), jdbc, timeToLive);
        node.start();
        started.add(node);
        await().atMost(Duration.ofSeconds(10)).until(node::listening);
        return node;
    }
}
