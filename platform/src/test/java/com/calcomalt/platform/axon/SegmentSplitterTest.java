package com.calcomalt.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.database.EmbeddedPostgresProperties;
import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import com.calcomalt.platform.database.EmbeddedPostgresServer;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which segment a node asks its processor to split, if any (BookingCalendarWriterTest watches a real
 * processor split from one segment to four and handle each event once): the widest one that is free
 * or its own, never another node's, nothing while another node holds the processor's lock, and
 * nothing when the token store already has as many segments as configured, or more.
 */
class SegmentSplitterTest {

    private static final String PROCESSOR = "side-effects";
    private static EmbeddedPostgresServer server;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    /** The segments this node's processor was asked to split; it answers that it did not, so each round asks once. */
    private final List<Integer> asked = new CopyOnWriteArrayList<>();
    private boolean afterSplitRan;

    @BeforeAll
    static void database() {
        server = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(Mode.THROWAWAY, Path.of("unused"), 0));
        dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clean() {
        jdbc.update("delete from eventstore.token_entry");
    }

    private SegmentSplitter splitterOf(int configured) {
        StreamingEventProcessor processor = (StreamingEventProcessor) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {StreamingEventProcessor.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isRunning" -> true;
                    case "getName" -> PROCESSOR;
                    case "splitSegment" -> {
                        asked.add((Integer) args[0]);
                        yield CompletableFuture.completedFuture(false);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new SegmentSplitter(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Map.of(PROCESSOR, configured), name -> Optional.of(processor).filter(p -> name.equals(PROCESSOR)),
                "node-a", Duration.ofHours(1), Duration.ofSeconds(5), () -> afterSplitRan = true);
    }

    /** Segments by id, each with its owner (null: free). */
    private static void segments(Object... idsAndOwners) {
        for (int i = 0; i < idsAndOwners.length; i += 2) {
            jdbc.update("insert into eventstore.token_entry (processor_name, segment, token_type, owner) "
                    + "values (?, ?, null, ?)", PROCESSOR, idsAndOwners[i], idsAndOwners[i + 1]);
        }
    }

    @Test
    void the_widest_segment_that_is_free_or_this_nodes_is_split_first() {
        // 0 and 2 are quarters, 1 is a half.
        segments(0, "node-a", 1, null, 2, "node-a");
        SegmentSplitter splitter = splitterOf(4);

        splitter.splitWhereNeeded();

        assertThat(asked).containsExactly(1);
        assertThat(splitter.settled()).isFalse();
    }

    @Test
    void a_segment_claimed_by_another_node_is_that_nodes_to_split() {
        segments(0, "node-b", 1, "node-a");
        SegmentSplitter splitter = splitterOf(4);

        splitter.splitWhereNeeded();
        assertThat(asked).containsExactly(1);

        asked.clear();
        jdbc.update("delete from eventstore.token_entry where segment = 1");
        splitter.splitWhereNeeded();
        assertThat(asked).as("segment 0 spans everything, and node-b has it").isEmpty();
        assertThat(splitter.settled()).isFalse();
    }

    @Test
    void nothing_is_split_while_another_node_holds_the_processors_lock() throws Exception {
        segments(0, null);
        SegmentSplitter splitter = splitterOf(4);
        try (Connection otherNode = dataSource.getConnection();
             PreparedStatement lock = otherNode.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, SegmentSplitter.LOCK_KEY);
            lock.setInt(2, PROCESSOR.hashCode());
            lock.execute();

            splitter.splitWhereNeeded();
            assertThat(asked).isEmpty();
        }

        splitter.splitWhereNeeded();
        assertThat(asked).as("once the lock is free").containsExactly(0);
    }

    @Test
    void as_many_segments_as_configured_or_more_are_left_as_they_are() {
        segments(0, null, 1, null, 2, null, 3, null, 4, null, 5, null, 6, null, 7, null);
        SegmentSplitter splitter = splitterOf(4);

        splitter.splitWhereNeeded();

        assertThat(asked).isEmpty();
        assertThat(splitter.settled()).isTrue();
        assertThat(afterSplitRan).as("nothing was split here").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from eventstore.token_entry", Integer.class)).isEqualTo(8);
    }

    @Test
    void a_processor_without_tokens_is_left_to_axon_which_creates_the_configured_count() {
        SegmentSplitter splitter = splitterOf(4);

        splitter.splitWhereNeeded();

        assertThat(asked).isEmpty();
        assertThat(splitter.settled()).as("looked at again next round").isFalse();
    }
}
