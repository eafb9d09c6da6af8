package com.calcomalt.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.query.QuerySideApplication;
import com.calcomalt.query.replay.ProjectionReplay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one Spring context of the query side's tests: a second one would run a second
 * calcom-projections processor on the same database, and the two would fight over its token.
 * Events go into the real event store and through the real processor into the real tables.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class QuerySideTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(Integer.MAX_VALUE / 2);

    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected ProjectionReplay projections;
    @Autowired
    protected JdbcTemplate jdbc;

    /** Ids far above what the sequences hand out, so tests never collide with each other. */
    protected static int uniqueId() {
        return (int) SEQUENCE.incrementAndGet();
    }

    protected void publish(String aggregateType, String aggregateId, Object... payloads) {
        Long last = jdbc.queryForObject(
                "select max(sequence_number) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        long sequence = last == null ? 0 : last + 1;
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence++, payload));
        }
    }

    protected void awaitProjectionsCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> projections.status().processors().stream().allMatch(ProjectionReplay.ProcessorStatus::caughtUp));
    }

    /** Starts a rebuild or verify and waits until it is done; it must not fail. */
    protected void rebuild(ProjectionReplay.Mode mode) {
        projections.start(null, mode);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> projections.status().processors().stream().allMatch(ProjectionReplay.ProcessorStatus::caughtUp));
        assertThat(projections.status().processors()).allSatisfy(processor -> {
            assertThat(processor.rebuild().mode()).isEqualTo(mode);
            assertThat(processor.rebuild().failure()).isNull();
            assertThat(processor.rebuild().state()).isEqualTo(ProjectionReplay.State.DONE);
        });
    }

    protected List<String> rowsAsJson(String table) {
        return jdbc.queryForList("select row_to_json(t)::text from \"" + table + "\" t order by id", String.class);
    }
}
