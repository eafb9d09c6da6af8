package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The fair share of segments each node takes (ScaleOutKillTest watches real processors follow it
 * across three JVMs): ceil(segments / live nodes), growing when a node leaves or stops saying it is alive.
 */
class LiveNodesTest {

    private static final Duration DEAD_AFTER = Duration.ofMillis(800);
    private static EmbeddedPostgresServer server;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
        DataSource dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clean() {
        jdbc.update("delete from cluster.nodes");
        jdbc.update("delete from eventstore.token_entry");
    }

    private static LiveNodes node(String name) {
        return new LiveNodes(jdbc, name, Duration.ofHours(1), DEAD_AFTER);
    }

    private static LiveNodes node(String name, String... processors) {
        return new LiveNodes(jdbc, name, Duration.ofHours(1), DEAD_AFTER, List.of(processors));
    }

    /**
     * What SIGKILL does to a node's connections, seen from the database: its backends end. Waits until the
     * backend is gone (up to 5 s), since the signal alone leaves it in pg_stat_activity for a moment.
     */
    private static void killSessionOf(String name) {
        assertThat(jdbc.queryForList("select pg_terminate_backend(session_pid, 5000) from cluster.nodes where name = ?",
                Boolean.class, name)).as("the session of " + name + " ended").containsExactly(true);
    }

    private static void segments(String processor, int count) {
        for (int segment = 0; segment < count; segment++) {
            jdbc.update("insert into eventstore.token_entry (processor_name, segment, token_type) values (?, ?, null)",
                    processor, segment);
        }
    }

    @Test
    void a_lone_node_takes_every_segment_and_before_any_exists_takes_whatever_there_will_be() {
        LiveNodes alone = node("node-a");
        alone.start();
        assertThat(alone.getMaxSegments("side-effects")).isEqualTo(Short.MAX_VALUE);

        segments("side-effects", 4);
        alone.beat();

        assertThat(alone.getMaxSegments("side-effects")).isEqualTo(4);
        assertThat(alone.names()).containsExactly("node-a");
        alone.stop();
    }

    @Test
    void live_nodes_share_the_segments_rounding_up_and_a_single_segment_goes_to_one_node() {
        segments("side-effects", 4);
        segments("ordered", 1);
        LiveNodes a = node("node-a");
        LiveNodes b = node("node-b");
        LiveNodes c = node("node-c");
        a.start();
        b.start();
        c.start();
        a.beat();

        assertThat(a.names()).containsExactly("node-a", "node-b", "node-c");
        assertThat(a.getMaxSegments("side-effects")).isEqualTo(2);
        assertThat(a.getMaxSegments("ordered")).isEqualTo(1);
        a.stop();
        b.stop();
        c.stop();
    }

    @Test
    void a_node_that_leaves_at_once_or_stops_saying_it_is_alive_no_longer_counts() throws InterruptedException {
        segments("side-effects", 4);
        LiveNodes a = node("node-a");
        LiveNodes b = node("node-b");
        LiveNodes c = node("node-c");
        a.start();
        b.start();
        c.start();

        b.stop();
        a.beat();
        assertThat(a.names()).containsExactly("node-a", "node-c");
        assertThat(a.getMaxSegments("side-effects")).isEqualTo(2);

        Thread.sleep(DEAD_AFTER.toMillis() / 2);
        a.beat();
        Thread.sleep(DEAD_AFTER.toMillis() / 2 + 200);
        a.beat();
        assertThat(a.names()).as("node-c said nothing for longer than " + DEAD_AFTER).containsExactly("node-a");
        assertThat(a.getMaxSegments("side-effects")).isEqualTo(4);
        a.stop();
        c.stop();
    }

    @Test
    void a_node_whose_database_session_ended_is_dead_at_the_next_heartbeat_and_its_claims_are_freed()
            throws InterruptedException {
        segments("ordered", 1);
        LiveNodes a = node("node-a", "ordered");
        LiveNodes b = node("node-b", "ordered");
        a.start();
        b.start();
        jdbc.update("update eventstore.token_entry set owner = 'node-b', timestamp = ? where processor_name = 'ordered'",
                java.time.Instant.now().toString());
        a.beat();
        assertThat(a.names()).containsExactly("node-a", "node-b");
        assertThat(a.lostTheirNode(List.of("ordered"), Duration.ofSeconds(30))).as("its owner is alive").isFalse();

        killSessionOf("node-b");
        Thread.sleep(100);
        assertThat(a.lostTheirNode(List.of("ordered"), Duration.ofSeconds(30)))
                .as("asked at once, not at the next heartbeat").isTrue();
        a.beat();

        assertThat(a.names()).as("well within " + DEAD_AFTER + " of its last heartbeat").containsExactly("node-a");
        assertThat(jdbc.queryForList("select owner from eventstore.token_entry", String.class))
                .as("its claim, free for the others at once").containsExactly((String) null);
        jdbc.update("update eventstore.token_entry set owner = 'node-a'");
        assertThat(a.lostTheirNode(List.of("ordered"), Duration.ofSeconds(30)))
                .as("node-a took it, but node-b ran it and died lately: node-a may still be catching up").isTrue();
        assertThat(a.lostTheirNode(List.of("ordered"), Duration.ZERO)).as("not lately").isFalse();
        assertThat(a.lostTheirNode(List.of("side-effects"), Duration.ofSeconds(30))).as("node-b did not run it")
                .isFalse();
        a.stop();
        b.stop();
    }

    @Test
    void a_node_that_stopped_normally_was_not_lost() {
        segments("ordered", 1);
        LiveNodes a = node("node-a", "ordered");
        LiveNodes b = node("node-b", "ordered");
        a.start();
        b.start();
        b.stop();
        a.beat();
        assertThat(a.lostTheirNode(List.of("ordered"), Duration.ofSeconds(30)))
                .as("it released its claims; a processor stopped on purpose is not waited for").isFalse();
        a.stop();
    }

    /** PostgreSQL hides another role's backend_start: nodes connecting as different roles still see each other live. */
    @Test
    void a_node_of_another_database_role_is_alive_while_its_session_runs() {
        for (String role : List.of("node_one", "node_two")) {
            jdbc.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then"
                    + " create role " + role + " login; end if; end $$");
            jdbc.execute("grant usage on schema cluster, eventstore to " + role);
            jdbc.execute("grant all on all tables in schema cluster, eventstore to " + role);
        }
        LiveNodes one = new LiveNodes(new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), "node_one", "")),
                "node-a", Duration.ofHours(1), DEAD_AFTER, List.of("calcom-projections"));
        LiveNodes two = new LiveNodes(new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), "node_two", "")),
                "node-b", Duration.ofHours(1), DEAD_AFTER, List.of("calcom-projections"));
        one.start();
        two.start();
        one.beat();
        assertThat(one.names()).containsExactly("node-a", "node-b");

        killSessionOf("node-b");
        one.beat();
        assertThat(one.names()).containsExactly("node-a");
        one.stop();
        two.stop();
    }
}
