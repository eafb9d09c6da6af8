package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection processor runs in another process: its position is read from the token table,
 * when the processor's notification says a batch has committed.
 */
class ProjectionWatermarkAcrossProcessesTest {

    private static final String PROCESSOR = "calcom-projections";
    private static EmbeddedPostgresServer server;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private final Serializer serializer = new AxonOnPostgresAutoConfiguration().serializer();
    private ProjectionWatermark watermark;

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
    void watcher() {
        jdbc.update("delete from eventstore.token_entry");
        store(GapAwareTrackingToken.newInstance(1, Set.of()), false);
        // No Axon configuration: no processor runs in this process.
        watermark = new ProjectionWatermark(jdbc.getDataSource(), jdbc, serializer, List.of(PROCESSOR),
                new StaticListableBeanFactory().getBeanProvider(org.axonframework.config.Configuration.class),
                Duration.ofMillis(5));
        watermark.start();
    }

    @Test
    void a_request_waits_until_the_stored_token_covers_its_event_and_learns_it_from_the_notification()
            throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await(new long[] {5, 6}));
        Thread.sleep(300);
        store(GapAwareTrackingToken.newInstance(5, Set.of()), true);
        Thread.sleep(300);
        assertThat(waiting).as("event 6 is not handled yet").isNotDone();

        store(GapAwareTrackingToken.newInstance(7, Set.of()), true);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(watermark.listening()).as("it listens for the processor's notifications").isTrue();
    }

    @Test
    void an_event_the_token_holds_as_a_gap_is_waited_for() throws Exception {
        // Event 5 committed after 6 was seen: the processor has not handled it yet.
        store(GapAwareTrackingToken.newInstance(6, Set.of(5L)), true);
        assertThat(await(new long[] {5}, Duration.ofMillis(400))).isFalse();
        assertThat(await(new long[] {6}, Duration.ofSeconds(5))).isTrue();
        store(GapAwareTrackingToken.newInstance(6, Set.of()), true);
        assertThat(await(new long[] {5}, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void a_batch_that_sent_no_notification_is_still_seen() throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await(new long[] {3}));
        Thread.sleep(300);
        store(GapAwareTrackingToken.newInstance(3, Set.of()), false);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void past_its_cap_a_request_waits_on_only_while_the_projections_move_from_a_dead_node() throws Exception {
        LiveNodes standby = new LiveNodes(jdbc, "standby", Duration.ofHours(1), Duration.ofSeconds(10), List.of(PROCESSOR));
        LiveNodes projector = new LiveNodes(jdbc, "projector", Duration.ofHours(1), Duration.ofSeconds(10),
                List.of(PROCESSOR));
        standby.start();
        projector.start();
        jdbc.update("update eventstore.token_entry set owner = 'projector'");
        ReadYourWrites reads = new ReadYourWrites(jdbc, watermark, Duration.ofMillis(300), Duration.ofSeconds(20),
                standby, new SimpleMeterRegistry());
        try {
            long began = System.nanoTime();
            assertThat(reads.await(new long[] {5})).as("its projector is alive but behind: the cap holds").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));

            // SIGKILL, as the database sees it: the projector's backends end, seconds before it misses a heartbeat.
            jdbc.queryForList("select pg_terminate_backend(session_pid) from cluster.nodes where name = 'projector'",
                    Boolean.class);
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return reads.await(new long[] {5});
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_500);
            assertThat(waiting).as("past the cap, while the projections move").isNotDone();
            // The standby took the segment over and caught up.
            store(GapAwareTrackingToken.newInstance(5, Set.of()), true);
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            standby.stop();
            projector.stop();
            jdbc.update("delete from cluster.nodes");
        }
    }

    @AfterEach
    void stopWatcher() {
        watermark.stop();
    }

    private boolean await(long[] globalIndexes) {
        return await(globalIndexes, Duration.ofSeconds(10));
    }

    private boolean await(long[] globalIndexes, Duration timeout) {
        try {
            return watermark.await(globalIndexes, timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the processor's batch does: the token and, in the same transaction, the notification. */
    private void store(TrackingToken token, boolean notify) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        transactions.executeWithoutResult(s -> {
            jdbc.update("""
                    insert into eventstore.token_entry (processor_name, segment, token, token_type)
                    values (?, 0, ?, ?)
                    on conflict (processor_name, segment) do update set token = excluded.token""",
                    PROCESSOR, serialized.getData(), serialized.getType().getName());
            if (notify) {
                jdbc.execute("notify " + ProjectionWatermark.CHANNEL);
            }
        });
    }
}
