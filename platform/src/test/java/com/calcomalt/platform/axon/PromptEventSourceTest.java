package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The processors' event source over a real event store on PostgreSQL. */
class PromptEventSourceTest {

    record BookingMade(String uid) {
    }

    private static EmbeddedPostgresServer server;
    private static DataSource database;
    private BoundedHeadReads storage;
    private EmbeddedEventStore store;
    private PromptEventSource source;

    @BeforeAll
    static void database() {
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
        database = new DriverManagerDataSource(server.jdbcUrl(), server.username(), "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void start() {
        storage = new BoundedHeadReads(JdbcEventStorageEngine.builder()
                .snapshotSerializer(PlatformAxonParts.serializer())
                .eventSerializer(PlatformAxonParts.serializer())
                .persistenceExceptionResolver(PlatformAxonParts.persistenceExceptionResolver())
                .schema(PlatformAxonParts.eventSchema())
                .connectionProvider(PlatformAxonParts.connectionProvider(database))
                .transactionManager(NoTransactionManager.INSTANCE)
                .batchSize(4), 10);
        store = EmbeddedEventStore.builder().storageEngine(storage).fetchDelay(50).build();
        source = new PromptEventSource(store);
        source.start();
    }

    @AfterEach
    void shutDown() {
        source.stop();
        store.shutDown();
    }

    /**
     * Axon's stream of the embedded store, once closed, opens a stream of its own again when asked. A
     * stopped processor keeps its last stream; a closed stream must read nothing and let go of the
     * store's.
     */
    @Test
    void a_closed_stream_reads_nothing_stored_after() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
        store.publish(GenericEventMessage.asEventMessage(new BookingMade("b-1")));
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo(new BookingMade("b-1"));

        stream.close();
        store.publish(GenericEventMessage.asEventMessage(new BookingMade("b-2")));

        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isFalse();
        assertThat(stream.peek()).isEmpty();
    }

    /**
     * The embedded store's producer keeps the node it started a read from until the read ends, so
     * everything read meanwhile stays in memory: a read that ran on through a burst of stored events
     * held 248,001 of them (BookingReplayBenchmark, a million events stored by SQL, 512 MB heap). Its
     * reads, the only ones that may block, end after a bounded number; processors' reads stay whole.
     */
    @Test
    void the_stores_reads_from_the_head_end_after_a_bounded_number_of_events_and_the_others_read_all() throws Exception {
        var start = storage.createHeadToken();
        for (int i = 0; i < 25; i++) {
            store.publish(GenericEventMessage.asEventMessage(new BookingMade("bounded-" + i)));
        }

        assertThat(storage.readEvents(start, true)).hasSize(10);
        assertThat(storage.readEvents(start, false)).hasSize(25);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(start);
        for (int i = 0; i < 25; i++) {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(new BookingMade("bounded-" + i));
        }
        stream.close();
    }

    @Test
    void an_open_stream_is_woken_for_events_stored_after_it_caught_up() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
        java.util.concurrent.CountDownLatch woken = new java.util.concurrent.CountDownLatch(1);
        stream.setOnAvailableCallback(woken::countDown);

        store.publish(GenericEventMessage.asEventMessage(new BookingMade("b-3")));

        assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo(new BookingMade("b-3"));
        stream.close();
    }
}
